export { UserAccountType, InviteStatus } from '@roster/client';
