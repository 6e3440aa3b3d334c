import { getDb } from '@/db/client';
import { deleteRoleLink, findMembers, findRoleLinks, insertRoleLinks, type MemberKind, type RoleLink } from '@/db/queries/role-members';
import { findRolesByIds } from '@/db/queries/roles';
import type { RoleType } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { invalidateResourceCaches } from '@/lib/oidc/resources';
import { assertRemoved, found } from './errors';
import type { Pagination } from './pagination';
import { listRolePage } from './roles/roles';

/** Users hold User roles; machine-to-machine apps hold MachineToMachine roles (Logto's rule and codes). */
const rules: Record<MemberKind, { roleType: RoleType; wrongRoleType: () => AppError; alreadyHeld: (link: RoleLink) => AppError }> = {
  user: {
    roleType: 'User',
    wrongRoleType: () => new AppError('user.invalid_role_type', 422, 'A machine-to-machine role cannot be assigned to a user.'),
    alreadyHeld: ({ memberId }) => new AppError('role.user_exists', 422, `The user ${memberId} already has this role.`, { userId: memberId }),
  },
  application: {
    roleType: 'MachineToMachine',
    wrongRoleType: () => new AppError('application.invalid_role_type', 422, 'A user role cannot be assigned to an application.'),
    alreadyHeld: ({ memberId }) =>
      new AppError('role.application_exists', 422, `The application ${memberId} already has this role.`, { applicationId: memberId }),
  },
};

/** A member that exists and may hold roles: only machine-to-machine apps can (422 `application.invalid_type`). */
function checkMember(kind: MemberKind, member: { type?: string } | undefined, id: string): void {
  const { type } = found(member, kind, id);
  if (kind === 'application' && type !== 'MachineToMachine') {
    throw new AppError('application.invalid_type', 422, 'Only machine-to-machine applications can have roles.');
  }
}

/** GET /users/:id/roles and /applications/:id/roles. */
export async function listRolesHeldBy(kind: MemberKind, memberId: string, query: Pagination) {
  const [member] = await findMembers(await getDb(), kind, [memberId]);
  checkMember(kind, member, memberId);
  return listRolePage({ ...query, ...(kind === 'user' ? { userId: memberId } : { applicationId: memberId }) });
}

/**
 * Links every member to every role, in one transaction. Unknown ids are 404, a role of
 * the wrong type 422; links that already exist fail the request (`'fail'`, as
 * POST /roles/:id/users does) or are skipped (`'skip'`, as POST /users/:id/roles does).
 */
export async function assignRoles(kind: MemberKind, memberIds: string[], roleIds: string[], existing: 'fail' | 'skip'): Promise<RoleLink[]> {
  const rule = rules[kind];
  const [members, roles] = [[...new Set(memberIds)], [...new Set(roleIds)]];
  const db = await getDb();
  const added = await db.transaction(async (tx) => {
    const foundMembers = await findMembers(tx, kind, members);
    for (const id of members) checkMember(kind, foundMembers.find((candidate) => candidate.id === id), id);
    const foundRoles = await findRolesByIds(tx, roles);
    for (const id of roles) {
      if (found(foundRoles.find((role) => role.id === id), 'role', id).type !== rule.roleType) throw rule.wrongRoleType();
    }
    const held = await findRoleLinks(tx, kind, members, roles);
    if (held[0] && existing === 'fail') throw rule.alreadyHeld(held[0]);
    const links = members
      .flatMap((memberId) => roles.map((roleId) => ({ memberId, roleId })))
      .filter((link) => !held.some((old) => old.memberId === link.memberId && old.roleId === link.roleId));
    await insertRoleLinks(tx, kind, links);
    return links;
  });
  invalidateResourceCaches();
  return added;
}

export async function unassignRole(kind: MemberKind, link: RoleLink): Promise<void> {
  assertRemoved(await deleteRoleLink(await getDb(), kind, link), `The role assignment of ${kind} \`${link.memberId}\``);
  invalidateResourceCaches();
}
