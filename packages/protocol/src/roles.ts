/** Who sent a message. The role comes from server-set participant attributes, never from the message itself. */
export const Role = {
  /** The bank's customer, in the browser. */
  customer: 'customer',
  /** The dialog service (AI agent). */
  agent: 'agent',
  /** A human operator ("puppeteer"). */
  operator: 'operator',
} as const;
/** One of the {@link Role} values. */
export type Role = (typeof Role)[keyof typeof Role];

/** All roles. */
export const ROLES: readonly Role[] = Object.values(Role);

/** The participant attribute that carries the role, as set by the token endpoint. */
export const ROLE_ATTRIBUTE = 'dh.role';

/** True for one of the three roles. */
export function isRole(value: unknown): value is Role {
  return value === 'customer' || value === 'agent' || value === 'operator';
}

/** Reads a role from a participant's attributes; null when absent or unknown (such a sender may send nothing). */
export function roleFromAttributes(attributes: Readonly<Record<string, string>> | undefined): Role | null {
  const value =
    attributes && Object.hasOwn(attributes, ROLE_ATTRIBUTE) ? attributes[ROLE_ATTRIBUTE] : undefined;
  return isRole(value) ? value : null;
}
