import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../database';
import { applications, applicationsRoles, users, usersRoles, type ApplicationType } from '../schema';

/** Who can hold a role: users hold User roles, machine-to-machine apps hold MachineToMachine roles. */
export type MemberKind = 'user' | 'application';
export type RoleLink = { memberId: string; roleId: string };

/** The members among `ids` that exist, with the application type when they are applications. */
export async function findMembers(db: Executor, kind: MemberKind, ids: string[]): Promise<{ id: string; type?: ApplicationType }[]> {
  if (kind === 'user') return db.select({ id: users.id }).from(users).where(inArray(users.id, ids));
  return db.select({ id: applications.id, type: applications.type }).from(applications).where(inArray(applications.id, ids));
}

/** The links that already exist among the given members and roles. */
export async function findRoleLinks(db: Executor, kind: MemberKind, memberIds: string[], roleIds: string[]): Promise<RoleLink[]> {
  if (kind === 'user') {
    return db
      .select({ memberId: usersRoles.userId, roleId: usersRoles.roleId })
      .from(usersRoles)
      .where(and(inArray(usersRoles.userId, memberIds), inArray(usersRoles.roleId, roleIds)));
  }
  return db
    .select({ memberId: applicationsRoles.applicationId, roleId: applicationsRoles.roleId })
    .from(applicationsRoles)
    .where(and(inArray(applicationsRoles.applicationId, memberIds), inArray(applicationsRoles.roleId, roleIds)));
}

export async function insertRoleLinks(db: Executor, kind: MemberKind, links: RoleLink[]): Promise<void> {
  if (links.length === 0) return;
  if (kind === 'user') {
    await db.insert(usersRoles).values(links.map(({ memberId, roleId }) => ({ userId: memberId, roleId }))).onConflictDoNothing();
  } else {
    await db
      .insert(applicationsRoles)
      .values(links.map(({ memberId, roleId }) => ({ applicationId: memberId, roleId })))
      .onConflictDoNothing();
  }
}

export async function deleteRoleLink(db: Executor, kind: MemberKind, { memberId, roleId }: RoleLink): Promise<boolean> {
  const rows =
    kind === 'user'
      ? await db
          .delete(usersRoles)
          .where(and(eq(usersRoles.userId, memberId), eq(usersRoles.roleId, roleId)))
          .returning({ roleId: usersRoles.roleId })
      : await db
          .delete(applicationsRoles)
          .where(and(eq(applicationsRoles.applicationId, memberId), eq(applicationsRoles.roleId, roleId)))
          .returning({ roleId: applicationsRoles.roleId });
  return rows.length > 0;
}
