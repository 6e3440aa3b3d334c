import { and, count, desc, eq, exists, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../database';
import { roles, users, usersRoles, type NewUser, type User } from '../schema';
import { containsPattern, type PageSlice } from './page';
import { preparedPerExecutor } from './prepared';

const userById = preparedPerExecutor((db) =>
  db.select().from(users).where(eq(users.id, sql.placeholder('id'))).limit(1).prepare('find_user_by_id'),
);

export async function findUserById(db: Executor, id: string): Promise<User | undefined> {
  const [user] = await userById(db).execute({ id });
  return user;
}

// One prepared statement per identifier type: every password verification runs one of these.
const userByUsername = preparedPerExecutor((db) =>
  db.select().from(users).where(eq(sql`lower(${users.username})`, sql.placeholder('value'))).limit(1).prepare('find_user_by_username'),
);
const userByEmail = preparedPerExecutor((db) =>
  db.select().from(users).where(eq(sql`lower(${users.primaryEmail})`, sql.placeholder('value'))).limit(1).prepare('find_user_by_email'),
);
const userByPhone = preparedPerExecutor((db) =>
  db.select().from(users).where(eq(users.primaryPhone, sql.placeholder('value'))).limit(1).prepare('find_user_by_phone'),
);

/**
 * The user a sign-in identifier names. Usernames and emails match regardless of case, the
 * way their unique indexes compare them (`lower(...)`), so those indexes serve the lookup.
 */
export async function findUserByIdentifier(
  db: Executor,
  identifier: { type: 'username' | 'email' | 'phone'; value: string },
): Promise<User | undefined> {
  const [user] =
    identifier.type === 'phone'
      ? await userByPhone(db).execute({ value: identifier.value })
      : await (identifier.type === 'email' ? userByEmail : userByUsername)(db).execute({ value: identifier.value.toLowerCase() });
  return user;
}

export async function listUserRoleNames(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .select({ name: roles.name })
    .from(usersRoles)
    .innerJoin(roles, eq(roles.id, usersRoles.roleId))
    .where(eq(usersRoles.userId, userId));
  return rows.map((row) => row.name);
}

/** Every user column except the password hash, which only password verification may read. */
const userColumns = {
  id: users.id,
  username: users.username,
  primaryEmail: users.primaryEmail,
  primaryPhone: users.primaryPhone,
  name: users.name,
  avatar: users.avatar,
  profile: users.profile,
  customData: users.customData,
  isSuspended: users.isSuspended,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`,
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

export type UserRecord = Omit<User, 'passwordHash'> & { hasPassword: boolean };

export type UserFilter = { search?: string; roleId?: string };

function userWhere(filter: UserFilter): SQL | undefined {
  const pattern = filter.search ? containsPattern(filter.search) : undefined;
  return and(
    pattern
      ? or(ilike(users.username, pattern), ilike(users.primaryEmail, pattern), ilike(users.primaryPhone, pattern), ilike(users.name, pattern))
      : undefined,
    filter.roleId
      ? exists(sql`(select 1 from ${usersRoles} where ${usersRoles.userId} = ${users.id} and ${usersRoles.roleId} = ${filter.roleId})`)
      : undefined,
  );
}

export async function findUserRecord(db: Executor, id: string): Promise<UserRecord | undefined> {
  const [row] = await db.select(userColumns).from(users).where(eq(users.id, id));
  return row;
}

export function listUserRecords(db: Executor, filter: UserFilter, slice: PageSlice): Promise<UserRecord[]> {
  return db
    .select(userColumns)
    .from(users)
    .where(userWhere(filter))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(slice.limit)
    .offset(slice.offset);
}

export async function countUsers(db: Executor, filter: UserFilter): Promise<number> {
  const [row] = await db.select({ total: count() }).from(users).where(userWhere(filter));
  return row?.total ?? 0;
}

export async function insertUser(db: Executor, user: NewUser): Promise<UserRecord> {
  const [row] = await db.insert(users).values(user).returning(userColumns);
  return row!;
}

export async function updateUser(db: Executor, id: string, changes: Partial<Omit<NewUser, 'id'>>): Promise<UserRecord | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning(userColumns);
  return row;
}

/** Top-level merge of a JSON column in one statement (`||`), so concurrent partial updates both land. */
export async function mergeUserJson(
  db: Executor,
  id: string,
  column: 'customData' | 'profile',
  patch: Record<string, unknown>,
): Promise<UserRecord | undefined> {
  const merged = sql`${users[column]} || ${JSON.stringify(patch)}::jsonb`;
  const [row] = await db
    .update(users)
    .set({ ...(column === 'customData' ? { customData: merged } : { profile: merged }), updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning(userColumns);
  return row;
}

export async function deleteUser(db: Executor, id: string): Promise<boolean> {
  const rows = await db.delete(users).where(eq(users.id, id)).returning({ id: users.id });
  return rows.length > 0;
}

/** For password verification only; `undefined` when the user does not exist. */
export async function findUserPasswordHash(db: Executor, id: string): Promise<{ passwordHash: string | null } | undefined> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id));
  return row;
}

/**
 * Replaces `from` with `to`, unless the password changed meanwhile (a reset between the
 * check and this write keeps the newer password). True when it replaced.
 */
export async function replacePasswordHash(db: Executor, id: string, from: string, to: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ passwordHash: to })
    .where(and(eq(users.id, id), eq(users.passwordHash, from)))
    .returning({ id: users.id });
  return rows.length > 0;
}
