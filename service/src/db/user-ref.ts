/** How every repository reads a user it names (owner, author, creator): the contract's UserRef. */
export const USER_REF_SELECT = { id: true, name: true, email: true } as const;
