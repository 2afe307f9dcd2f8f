import { SAMBA_AD_DOMAIN } from './domain';

/**
 * THE Active Directory test directory of the connector's AD tests: every case an AD sync has to
 * get right, in one seed (loaded offline in about 5 s). `AD_TEST_DIRECTORY` describes it with
 * the real DNs; `adTestDirectoryLdif()` is the seed for `startSambaAd({ seed: { ldif } })`.
 *
 * Layout (base DN DC=ad,DC=bitwarden,DC=test):
 *   OU=Sync                       what the connector's tests point it at
 *     OU=Users                    alice, bob (disabled), carol, dave, frank; a computer and a
 *                                 contact with mail; erin and a computer, both deleted
 *       OU=Bulk                   bulk0001..bulk2000, the members of Big Group
 *     OU=Groups                   Engineering, Everyone, Cycle A, Cycle B, Big Group, Contractors
 *   OU=Elsewhere                  outsider, a member of Engineering from outside OU=Sync
 *   CN=Users (AD's own)           Administrator (given a mail) and the service account
 */

export interface AdTestUser {
  readonly sAMAccountName: string;
  readonly dn: string;
  readonly givenName: string;
  readonly sn: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
  /** Absent for the service account. */
  readonly mail?: string;
  readonly userAccountControl: number;
}

export interface AdTestComputer {
  /** The computer's name with AD's trailing `$`. */
  readonly sAMAccountName: string;
  readonly dn: string;
  readonly mail: string;
  readonly userAccountControl: number;
}

export interface AdTestGroup {
  /** cn and sAMAccountName. */
  readonly name: string;
  readonly dn: string;
  /** The direct `member` values as the DC holds them after the seed, in seed order. */
  readonly members: readonly string[];
  /** Users whose primaryGroupID names this group: AD lists them in no `member` attribute. */
  readonly primaryGroupMembers: readonly string[];
}

/** Password of the named users and the service account (AD complexity rules: met). */
export const AD_TEST_USER_PASSWORD = 'User#Secret1';
/** Mail addresses use their own domain, so that mail and userPrincipalName differ. */
export const AD_TEST_MAIL_DOMAIN = 'bitwarden.test';
export const AD_TEST_BULK_USERS = 2_000;

// userAccountControl flags.
const NORMAL_ACCOUNT = 0x200;
const ACCOUNTDISABLE = 0x2;
/** No password needed: lets the 2,000 bulk users skip password hashing. */
const PASSWD_NOTREQD = 0x20;
const WORKSTATION_TRUST_ACCOUNT = 0x1000;
const DONT_EXPIRE_PASSWORD = 0x10000;
/** Global security group: what ADUC creates by default. */
const GLOBAL_SECURITY_GROUP = -2147483646;

function buildDirectory(base: string) {
  const syncOu = `OU=Sync,${base}`;
  const usersOu = `OU=Users,${syncOu}`;
  const bulkOu = `OU=Bulk,${usersOu}`;
  const groupsOu = `OU=Groups,${syncOu}`;
  const elsewhereOu = `OU=Elsewhere,${base}`;
  const upn = (name: string): string => `${name}@${SAMBA_AD_DOMAIN.dnsDomain}`;
  const mail = (name: string): string => `${name}@${AD_TEST_MAIL_DOMAIN}`;
  const user = (
    name: string,
    givenName: string,
    sn: string,
    ou: string,
    userAccountControl = NORMAL_ACCOUNT,
    withMail = true,
  ): AdTestUser => ({
    sAMAccountName: name,
    // CN = full name, as ADUC makes it: tests must not assume cn = sAMAccountName.
    dn: `CN=${givenName} ${sn},${ou}`,
    givenName,
    sn,
    displayName: `${givenName} ${sn}`,
    userPrincipalName: upn(name),
    ...(withMail ? { mail: mail(name) } : {}),
    userAccountControl,
  });
  const computer = (name: string): AdTestComputer => ({
    sAMAccountName: `${name}$`,
    dn: `CN=${name},${usersOu}`,
    mail: mail(name.toLowerCase()),
    userAccountControl: WORKSTATION_TRUST_ACCOUNT,
  });
  const pad = (index: number): string => String(index).padStart(4, '0');
  const bulkName = (index: number): string => `bulk${pad(index)}`;
  const bulkDn = (index: number): string => `CN=${bulkName(index)},${bulkOu}`;
  const users = {
    alice: user('alice', 'Alice', 'Anderson', usersOu),
    /** Disabled: userAccountControl 514 (NORMAL_ACCOUNT | ACCOUNTDISABLE). */
    bob: user('bob', 'Bob', 'Brown', usersOu, NORMAL_ACCOUNT | ACCOUNTDISABLE),
    carol: user('carol', 'Carol', 'Clark', usersOu),
    dave: user('dave', 'Dave', 'Davis', usersOu),
    /** Primary group Contractors (primaryGroupID = its RID) instead of Domain Users. */
    frank: user('frank', 'Frank', 'Fischer', usersOu),
  };
  /** Created with mail, then deleted: a tombstone in CN=Deleted Objects. */
  const deletedUser = user('erin', 'Erin', 'Evans', usersOu);
  /** Outside OU=Sync, but a member of Engineering. */
  const outsider = user('outsider', 'Oscar', 'Outsider', elsewhereOu);
  /** An ordinary domain user to bind as: not an admin, no mail, outside OU=Sync. */
  const serviceAccount = {
    ...user(
      'svc-bwdc',
      'BWDC',
      'Sync',
      `CN=Users,${base}`,
      NORMAL_ACCOUNT | DONT_EXPIRE_PASSWORD,
      false,
    ),
    password: AD_TEST_USER_PASSWORD,
  };
  const group = (
    name: string,
    members: readonly string[],
    primaryGroupMembers: readonly string[] = [],
  ): AdTestGroup => ({ name, dn: `CN=${name},${groupsOu}`, members, primaryGroupMembers });
  const engineering = group('Engineering', [users.alice.dn, users.carol.dn, outsider.dn]);
  const cycleADn = `CN=Cycle A,${groupsOu}`;
  const cycleBDn = `CN=Cycle B,${groupsOu}`;
  const groups = {
    engineering,
    /** Nested: the group Engineering and the user dave. */
    everyone: group('Everyone', [engineering.dn, users.dave.dn]),
    /** Cycle A and Cycle B contain each other (AD accepts it); carol is in Cycle B. */
    cycleA: group('Cycle A', [cycleBDn]),
    cycleB: group('Cycle B', [cycleADn, users.carol.dn]),
    /** 2,000 members: more than AD's MaxValRange (1,500), so real AD would range `member`. */
    bigGroup: group(
      'Big Group',
      Array.from({ length: AD_TEST_BULK_USERS }, (_, index) => bulkDn(index + 1)),
    ),
    /** frank's primary group. The seed adds him as a member first (AD requires it), then sets
     * his primaryGroupID, upon which the DC drops that `member` link (and adds him to his old
     * primary group, Domain Users, as an explicit member). */
    contractors: group('Contractors', [], [users.frank.dn]),
  };
  return {
    baseDn: base,
    syncOu,
    usersOu,
    bulkOu,
    groupsOu,
    elsewhereOu,
    users,
    deletedUser,
    outsider,
    serviceAccount,
    /** objectClass computer (a subclass of user and person) with a mail: not a person to sync. */
    computer: computer('WS01'),
    /** A deleted computer: its tombstone has objectClass user too, which filters must skip. */
    deletedComputer: computer('WS02'),
    /** A mail-enabled contact (objectClass contact, objectCategory person), not an account. */
    contact: { dn: `CN=Carl Contact,${usersOu}`, mail: 'carl.contact@partner.test' },
    /** The built-in administrator, given a mail; AD marks it isCriticalSystemObject. */
    administrator: {
      sAMAccountName: 'Administrator',
      dn: `CN=Administrator,CN=Users,${base}`,
      mail: mail('administrator'),
    },
    /** frank is an explicit member of Domain Users after his primary group changed. */
    domainUsers: { dn: `CN=Domain Users,CN=Users,${base}`, rid: 513 },
    groups,
    bulkUsers: {
      count: AD_TEST_BULK_USERS,
      /** bulk0001..bulk2000, enabled, no password (userAccountControl 544). */
      userAccountControl: NORMAL_ACCOUNT | PASSWD_NOTREQD,
      sAMAccountName: bulkName,
      dn: bulkDn,
      mail: (index: number) => mail(bulkName(index)),
    },
  } as const;
}

export type AdTestDirectory = ReturnType<typeof buildDirectory>;

/** The standard test directory as the DC holds it once seeded with adTestDirectoryLdif(). */
export const AD_TEST_DIRECTORY: AdTestDirectory = buildDirectory(SAMBA_AD_DOMAIN.baseDn);

/** `unicodePwd` takes the password in double quotes, UTF-16LE, over TLS or a local ldb only. */
export function unicodePwdLdif(password: string): string {
  return `unicodePwd:: ${Buffer.from(`"${password}"`, 'utf16le').toString('base64')}`;
}

function record(dn: string, ...lines: (string | false | undefined)[]): string {
  return [`dn: ${dn}`, ...lines.filter((line) => typeof line === 'string')].join('\n');
}

function userRecord(user: AdTestUser, withPassword: boolean): string {
  return record(
    user.dn,
    'objectClass: user',
    `sAMAccountName: ${user.sAMAccountName}`,
    `userPrincipalName: ${user.userPrincipalName}`,
    `givenName: ${user.givenName}`,
    `sn: ${user.sn}`,
    `displayName: ${user.displayName}`,
    user.mail !== undefined && `mail: ${user.mail}`,
    `userAccountControl: ${user.userAccountControl}`,
    withPassword && unicodePwdLdif(AD_TEST_USER_PASSWORD),
  );
}

function groupRecord(group: AdTestGroup, members: readonly string[]): string {
  return record(
    group.dn,
    'objectClass: group',
    `sAMAccountName: ${group.name}`,
    `groupType: ${GLOBAL_SECURITY_GROUP}`,
    ...members.map((member) => `member: ${member}`),
  );
}

function computerRecord(computer: AdTestComputer): string {
  const name = computer.sAMAccountName.replace(/\$$/, '');
  return record(
    computer.dn,
    'objectClass: computer',
    `sAMAccountName: ${computer.sAMAccountName}`,
    `dNSHostName: ${name.toLowerCase()}.${SAMBA_AD_DOMAIN.dnsDomain}`,
    `mail: ${computer.mail}`,
    `userAccountControl: ${computer.userAccountControl}`,
  );
}

function addMember(groupDn: string, member: string): string {
  return record(groupDn, 'changetype: modify', 'add: member', `member: ${member}`, '-');
}

/**
 * The seed LDIF of the standard test directory, with `{{BASE_DN}}` placeholders. Order matters:
 * AD checks that every `member` exists, so users come before groups, the cycle is closed by a
 * modify, and frank's primaryGroupID is set only once he is a member of Contractors.
 */
export function adTestDirectoryLdif(): string {
  const d = buildDirectory('{{BASE_DN}}');
  const ou = (dn: string): string => record(dn, 'objectClass: organizationalUnit');
  const { users, groups } = d;
  const bulk = Array.from({ length: d.bulkUsers.count }, (_, offset) => {
    const index = offset + 1;
    return record(
      d.bulkUsers.dn(index),
      'objectClass: user',
      `sAMAccountName: ${d.bulkUsers.sAMAccountName(index)}`,
      `userPrincipalName: ${d.bulkUsers.sAMAccountName(index)}@${SAMBA_AD_DOMAIN.dnsDomain}`,
      `givenName: Bulk`,
      `sn: User ${index}`,
      `displayName: Bulk User ${index}`,
      `mail: ${d.bulkUsers.mail(index)}`,
      `userAccountControl: ${d.bulkUsers.userAccountControl}`,
    );
  });
  const records = [
    ...[d.syncOu, d.usersOu, d.bulkOu, d.groupsOu, d.elsewhereOu].map(ou),
    ...Object.values(users).map((user) => userRecord(user, true)),
    userRecord(d.deletedUser, true),
    userRecord(d.outsider, true),
    userRecord(d.serviceAccount, true),
    computerRecord(d.computer),
    computerRecord(d.deletedComputer),
    record(
      d.contact.dn,
      'objectClass: contact',
      'givenName: Carl',
      'sn: Contact',
      'displayName: Carl Contact',
      `mail: ${d.contact.mail}`,
    ),
    ...bulk,
    groupRecord(groups.engineering, groups.engineering.members),
    groupRecord(groups.everyone, groups.everyone.members),
    groupRecord(groups.cycleA, []),
    groupRecord(groups.cycleB, groups.cycleB.members),
    addMember(groups.cycleA.dn, groups.cycleB.dn),
    groupRecord(groups.bigGroup, groups.bigGroup.members),
    groupRecord(groups.contractors, [users.frank.dn]),
    record(
      users.frank.dn,
      'changetype: modify',
      'replace: primaryGroupID',
      `primaryGroupID: {{RID:${groups.contractors.dn}}}`,
      '-',
    ),
    record(
      d.administrator.dn,
      'changetype: modify',
      'replace: mail',
      `mail: ${d.administrator.mail}`,
      '-',
    ),
    record(d.deletedUser.dn, 'changetype: delete'),
    record(d.deletedComputer.dn, 'changetype: delete'),
  ];
  return `${records.join('\n\n')}\n`;
}
