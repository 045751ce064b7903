/** The four kinds of people at a station (docs/domain.md, "People"). */
export const roles = ['picker', 'receiver', 'shift_lead', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Who may touch stock and orders: a shift lead may do everything a picker and a receiver may. */
export const floorRoles = ['picker', 'receiver', 'shift_lead'] as const satisfies readonly Role[];
export const adminOnly = ['admin'] as const satisfies readonly Role[];
