#!/usr/bin/python3
# Loads one LDIF file straight into a Samba AD DC's sam.ldb, bypassing LDAP (start-samba-ad.ts
# runs it between provisioning and starting samba).
# Usage: /usr/bin/python3 ad-bulk-load.py SMB_CONF FILE.ldif
#  * Must be Debian's /usr/bin/python3: the samba bindings live in its dist-packages, and a pyenv
#    or venv python3 on PATH cannot import them.
#  * samba must not be running on this database.
#  * The whole file is ONE transaction opened in ldb "batch_mode" (what `samba-tool domain join`
#    uses): no per-record sub-transactions, so thousands of users take seconds instead of a
#    minute. The price: any error aborts the whole file, which is what a seed step wants anyway.
#  * Records still go through the full Samba module stack (SID/RID allocation, objectGUID,
#    replication metadata, password hashing for unicodePwd, linked attributes and memberOf,
#    tombstoning on delete), so the result is the same as making the changes over LDAP.
#  * Change records: add (the default), modify, delete and modrdn/moddn.
#  * `{{RID:<dn>}}` in a record is replaced by the RID of <dn>'s objectSid, read when the record's
#    turn comes, so a record can use an object an earlier record created (primaryGroupID).
import re
import sys
import time

import ldb
from samba.auth import system_session
from samba.dcerpc import security
from samba.ndr import ndr_unpack
from samba.param import LoadParm
from samba.samdb import SamDB

RID = re.compile(r"\{\{RID:([^}]+)\}\}")


def main(smb_conf, ldif_path):
    lp = LoadParm()
    lp.load(smb_conf)
    db = SamDB(
        url=lp.samdb_url(),
        session_info=system_session(),
        lp=lp,
        options=["batch_mode:1", "transaction_index_cache_size:200000"],
    )

    def rid_of(match):
        res = db.search(base=match.group(1), scope=ldb.SCOPE_BASE, attrs=["objectSid"])
        sid = ndr_unpack(security.dom_sid, res[0]["objectSid"][0])
        return str(sid).rsplit("-", 1)[1]

    def apply(changetype, msg):
        if changetype == ldb.CHANGETYPE_MODIFY:
            db.modify(msg)
        elif changetype == ldb.CHANGETYPE_DELETE:
            db.delete(msg.dn)
        elif changetype in (ldb.CHANGETYPE_NONE, ldb.CHANGETYPE_ADD):
            db.add(msg)
        elif "newrdn" in msg:
            parent = str(msg["newsuperior"][0]) if "newsuperior" in msg else str(msg.dn.parent())
            db.rename(msg.dn, ldb.Dn(db, f"{msg['newrdn'][0]},{parent}"))
        else:
            raise ValueError(f"unsupported change type {changetype}")

    with open(ldif_path, encoding="utf-8") as f:
        text = f.read().replace("\r\n", "\n")
    # ldb's parser rejects a "version:" line; comments and folded lines it handles itself.
    records = [
        record
        for record in re.split(r"\n[ \t]*\n", text)
        if record.strip() and not re.match(r"\s*version\s*:", record, re.I)
    ]

    started, done, current = time.time(), 0, "(none)"
    db.transaction_start()
    try:
        pending = []

        def flush():
            nonlocal done, current
            for changetype, msg in db.parse_ldif("\n\n".join(pending) + "\n"):
                current = str(msg.dn)
                apply(changetype, msg)
                done += 1
            pending.clear()

        for record in records:
            if RID.search(record):
                # Everything before it first, so the object it names exists.
                flush()
                pending.append(RID.sub(rid_of, record))
                flush()
            else:
                pending.append(record)
        flush()
        db.transaction_commit()
    except Exception as error:  # noqa: BLE001 - any failure aborts the whole load
        db.transaction_cancel()
        sys.exit(f"record {done + 1} ({current}) failed: {error}")
    print(f"{ldif_path}: {done} records in {time.time() - started:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(f"usage: {sys.argv[0]} SMB_CONF FILE.ldif")
    main(sys.argv[1], sys.argv[2])
