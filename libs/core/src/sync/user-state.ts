/** How a user stands in the directory; deleted takes precedence over disabled, as upstream. */
export type UserState = 'enabled' | 'disabled' | 'deleted';

export function userState(user: {
  readonly disabled: boolean;
  readonly deleted: boolean;
}): UserState {
  if (user.deleted) {
    return 'deleted';
  }
  return user.disabled ? 'disabled' : 'enabled';
}
