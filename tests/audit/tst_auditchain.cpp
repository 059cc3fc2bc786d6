// The audit hash chain on real SQLite files: the canonical form and hashes
// match an independent implementation (Qt's), appends from a StoreWriter and a
// second connection interleave into one valid chain, each kind of tampering is
// caught and named, and appending never re-seals a tampered log.
#include "audit/AuditChain.h"
#include "audit/AuditHash.h"
#include "audit/AuditKey.h"
#include "audit/AuditVerifier.h"
#include "store/StoreWriter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>
#include <thread>
#include <sys/stat.h>

using namespace vigil;
using namespace vigil::audit;
using store::AuditEntry;

namespace {

AuditEntry draft(int i) {
    AuditEntry e;
    e.ts = 1767225600000 + i * 1000;
    e.kind = i % 2 ? "anomaly" : "action";
    e.subject = "subject-" + std::to_string(i);
    e.body = "{\"n\":" + std::to_string(i) + ",\"text\":\"a \\\"quoted\\\" word\"}";
    return e;
}

std::vector<AuditEntry> drafts(int from, int n) {
    std::vector<AuditEntry> v;
    for (int i = from; i < from + n; ++i) v.push_back(draft(i));
    return v;
}

void sql(const std::string& path, const char* statement) {
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(db, statement, nullptr, nullptr, &err);
    const std::string why = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(db);
    QVERIFY2(rc == SQLITE_OK, why.c_str());
}

}  // namespace

class TestAuditChain : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    int n_ = 0;

    AuditKey key(const char* name = "audit.key") {
        auto k = loadOrCreateKey(dir_.filePath(QString::fromLatin1(name)).toStdString());
        if (!k) qFatal("key: %s", k.error().c_str());
        return *k;
    }
    // A fresh database holding `count` appended entries, in batches of 4.
    std::string logWith(int count) {
        const std::string path = dir_.filePath(QStringLiteral("log%1.db").arg(++n_)).toStdString();
        auto log = AuditLog::open(path, key());
        if (!log) qFatal("open: %s", log.error().c_str());
        for (int i = 1; i <= count; i += 4) {
            auto r = log.value()->append(drafts(i, std::min(4, count - i + 1)));
            if (!r) qFatal("append: %s", r.error().c_str());
        }
        return path;
    }
    AuditVerdict verify(const std::string& path) {
        auto v = verifyAuditLog(path, key());
        if (!v) qFatal("verify: %s", v.error().c_str());
        return *v;
    }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void canonicalFormAndHashesAreExact() {
        AuditEntry e = draft(3);
        e.seq = 7;
        e.prev_hash = std::string(64, 'a');
        const std::string expected = "vigil-audit-v1\nseq=7\nts=1767225603000\nkind=7:anomaly\nsubject=9:subject-3\nbody=" +
                                     std::to_string(e.body.size()) + ":" + e.body + "\nprev_hash=" + std::string(64, 'a') + "\n";
        QCOMPARE(canonicalForm(e), expected);
        const QByteArray sha = QCryptographicHash::hash(QByteArray::fromStdString(expected), QCryptographicHash::Sha256);
        QCOMPARE(QByteArray::fromStdString(entryHash(e)), sha.toHex());

        const std::vector<unsigned char> k(32, 0x5a);
        const std::string head(64, 'b');
        QMessageAuthenticationCode mac(QCryptographicHash::Sha256,
                                       QByteArray(reinterpret_cast<const char*>(k.data()), int(k.size())));
        mac.addData(QByteArray::fromStdString("vigil-audit-seal-v1\n12\n" + head + "\n"));
        QCOMPARE(QByteArray::fromStdString(sealMac(k, 12, head)), mac.result().toHex());
    }

    void lengthPrefixesKeepFieldsApart() {
        // Moving text from one field to the next must change the hash.
        AuditEntry a = draft(1), b = draft(1);
        a.kind = "ab";
        a.subject = "c";
        b.kind = "a";
        b.subject = "bc";
        a.prev_hash = b.prev_hash = kGenesisHash;
        QVERIFY(entryHash(a) != entryHash(b));
    }

    void keyIsCreatedPrivateAndReused() {
        const std::string path = dir_.filePath(QStringLiteral("cfg/vigil/audit.key")).toStdString();
        auto a = loadOrCreateKey(path);
        QVERIFY2(a.ok(), a.error().c_str());
        QCOMPARE(a->bytes.size(), kAuditKeyBytes);
        struct stat st {};
        QCOMPARE(::stat(path.c_str(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        QCOMPARE(::stat(dir_.filePath(QStringLiteral("cfg/vigil")).toLocal8Bit().constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0700);
        auto b = loadOrCreateKey(path);
        QVERIFY(b.ok());
        QVERIFY(a->bytes == b->bytes);  // read back, not regenerated
        QVERIFY(a->bytes != std::vector<unsigned char>(kAuditKeyBytes, 0));
    }

    void racingCreatorsShareOneKey() {
        const std::string path = dir_.filePath(QStringLiteral("race/vigil/audit.key")).toStdString();
        std::vector<std::vector<unsigned char>> got(8);
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < got.size(); ++i)
            threads.emplace_back([&, i] {
                auto k = loadOrCreateKey(path);
                if (k) got[i] = k->bytes;
            });
        for (auto& t : threads) t.join();
        for (const auto& g : got) {
            QCOMPARE(g.size(), kAuditKeyBytes);  // nobody saw a half-written key
            QVERIFY(g == got.front());
        }
        QCOMPARE(QDir(dir_.filePath(QStringLiteral("race/vigil"))).entryList(QDir::Files).size(), 1);  // no temp files left
    }

    void looseOrMalformedKeyIsRefused() {
        const std::string path = dir_.filePath(QStringLiteral("loose.key")).toStdString();
        QVERIFY(loadOrCreateKey(path).ok());
        QCOMPARE(::chmod(path.c_str(), 0644), 0);
        for (auto r : {loadKey(path), loadOrCreateKey(path)}) {
            QVERIFY(!r.ok());
            QVERIFY2(r.error().find(path) != std::string::npos, r.error().c_str());
            QVERIFY2(r.error().find("0644") != std::string::npos, r.error().c_str());
            QVERIFY2(r.error().find("chmod 600") != std::string::npos, r.error().c_str());
        }
        const std::string shortKey = dir_.filePath(QStringLiteral("short.key")).toStdString();
        QFile f(QString::fromStdString(shortKey));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("0123456789");
        f.close();
        QCOMPARE(::chmod(shortKey.c_str(), 0600), 0);
        auto r = loadKey(shortKey);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().find("10 bytes, expected 32") != std::string::npos, r.error().c_str());
        QVERIFY(!loadKey(dir_.filePath(QStringLiteral("missing.key")).toStdString()).ok());
    }

    void intactLogVerifies() {
        const auto path = logWith(10);
        const AuditVerdict v = verify(path);
        QVERIFY2(v.intact, v.problem.c_str());
        QCOMPARE(v.entries, 10);
        QCOMPARE(v.headSeq, 10);
        // An empty, never-written log is intact too.
        auto empty = AuditLog::open(dir_.filePath(QStringLiteral("empty.db")).toStdString(), key());
        QVERIFY(empty.ok());
        QVERIFY(verify(dir_.filePath(QStringLiteral("empty.db")).toStdString()).intact);
    }

    void writerAndSecondConnectionInterleave() {
        // vigil running (StoreWriter) while vigilctl appends (AuditLog): one chain.
        const std::string path = dir_.filePath(QStringLiteral("shared.db")).toStdString();
        store::StoreWriterOptions opts;
        opts.chainAudit = chainHook(key());
        auto w = store::StoreWriter::open(path, opts);
        QVERIFY2(w.ok(), w.error().c_str());
        auto log = AuditLog::open(path, key());
        QVERIFY(log.ok());
        for (int round = 0; round < 5; ++round) {
            QVERIFY(w.value()->appendAudit(drafts(round * 10, 3)));
            w.value()->flush();
            auto r = log.value()->append(drafts(round * 10 + 5, 2));
            QVERIFY2(r.ok(), r.error().c_str());
            QCOMPARE(r->front().seq, round * 5 + 4);
        }
        w.value()->close();
        QCOMPARE(w.value()->stats().auditWritten, 15);
        QCOMPARE(w.value()->stats().rowsFailed, 0);
        const AuditVerdict v = verify(path);
        QVERIFY2(v.intact, v.problem.c_str());
        QCOMPARE(v.entries, 25);
    }

    void editedEntryIsNamed() {
        const auto path = logWith(10);
        sql(path, "UPDATE audit SET body = '{\"n\":99}' WHERE seq = 6");
        const AuditVerdict v = verify(path);
        QVERIFY(!v.intact);
        QCOMPARE(v.badSeq, 6);
        QVERIFY2(v.problem.find("edited") != std::string::npos, v.problem.c_str());
    }

    void deletedEntryIsNamed() {
        const auto path = logWith(10);
        sql(path, "DELETE FROM audit WHERE seq = 4");
        const AuditVerdict v = verify(path);
        QVERIFY(!v.intact);
        QCOMPARE(v.badSeq, 4);
        QVERIFY2(v.problem.find("seq 4 is missing") != std::string::npos, v.problem.c_str());
    }

    void reorderedEntriesAreNamed() {
        const auto path = logWith(10);
        sql(path, "UPDATE audit SET seq = -1 WHERE seq = 3; UPDATE audit SET seq = 3 WHERE seq = 4; "
                  "UPDATE audit SET seq = 4 WHERE seq = -1;");
        const AuditVerdict v = verify(path);
        QVERIFY(!v.intact);
        QCOMPARE(v.badSeq, 3);
        QVERIFY2(v.problem.find("out of order") != std::string::npos, v.problem.c_str());
        QVERIFY2(v.problem.find("links to seq 4") != std::string::npos, v.problem.c_str());
    }

    void truncatedTailIsNamed() {
        const auto path = logWith(10);
        sql(path, "DELETE FROM audit WHERE seq > 7");
        const AuditVerdict v = verify(path);
        QVERIFY(!v.intact);
        QCOMPARE(v.badSeq, 8);
        QVERIFY2(v.problem.find("truncated") != std::string::npos, v.problem.c_str());
        // Everything deleted: still truncated, not "empty and intact".
        sql(path, "DELETE FROM audit");
        QCOMPARE(verify(path).badSeq, 1);
    }

    void rewrittenChainOrSealIsCaught() {
        // Rehashing an edited entry (no key needed) breaks the next link.
        auto path = logWith(6);
        sql(path, "UPDATE audit SET body = '{\"forged\":true}' WHERE seq = 6");
        // Rehash seq 6 by hand, as an attacker with SQL but no key would.
        {
            sqlite3* db = nullptr;
            QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
            sqlite3_stmt* st = nullptr;
            sqlite3_prepare_v2(db, "SELECT seq, ts, kind, subject, body, prev_hash FROM audit WHERE seq = 6", -1, &st, nullptr);
            QCOMPARE(sqlite3_step(st), SQLITE_ROW);
            AuditEntry x;
            x.seq = sqlite3_column_int64(st, 0);
            x.ts = sqlite3_column_int64(st, 1);
            x.kind = reinterpret_cast<const char*>(sqlite3_column_text(st, 2));
            x.subject = reinterpret_cast<const char*>(sqlite3_column_text(st, 3));
            x.body = reinterpret_cast<const char*>(sqlite3_column_text(st, 4));
            x.prev_hash = reinterpret_cast<const char*>(sqlite3_column_text(st, 5));
            sqlite3_finalize(st);
            sqlite3_close(db);
            sql(path, ("UPDATE audit SET hash = '" + entryHash(x) + "' WHERE seq = 6").c_str());
        }
        AuditVerdict v = verify(path);
        QVERIFY(!v.intact);
        QCOMPARE(v.badSeq, 6);
        QVERIFY2(v.problem.find("sealed head") != std::string::npos, v.problem.c_str());

        path = logWith(5);
        sql(path, "DELETE FROM meta WHERE key = 'audit_seal'");
        v = verify(path);
        QVERIFY(!v.intact);
        QVERIFY2(v.problem.find("no seal") != std::string::npos, v.problem.c_str());

        path = logWith(5);
        auto other = verifyAuditLog(path, loadOrCreateKey(dir_.filePath(QStringLiteral("other.key")).toStdString()).value());
        QVERIFY(other.ok());
        QVERIFY(!other->intact);
        QVERIFY2(other->problem.find("does not verify") != std::string::npos, other->problem.c_str());
    }

    void appendingNeverHidesTampering() {
        // A truncated tail stays a gap after the next append...
        auto path = logWith(10);
        sql(path, "DELETE FROM audit WHERE seq > 7");
        {
            auto log = AuditLog::open(path, key());
            auto r = log.value()->append(drafts(50, 1));
            QVERIFY2(r.ok(), r.error().c_str());
            QCOMPARE(r->front().seq, 11);  // continues after the sealed head
        }
        AuditVerdict v = verify(path);
        QVERIFY(!v.intact);
        QCOMPARE(v.badSeq, 8);
        // ...and a log without a valid seal is not re-sealed.
        path = logWith(4);
        sql(path, "DELETE FROM meta WHERE key = 'audit_seal'");
        auto log = AuditLog::open(path, key());
        auto r = log.value()->append(drafts(60, 1));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().find("no seal") != std::string::npos, r.error().c_str());
        QVERIFY(!verify(path).intact);
        // The writer counts such a batch as failed rows, never silently.
        store::StoreWriterOptions opts;
        opts.chainAudit = chainHook(key());
        auto w = store::StoreWriter::open(path, opts);
        QVERIFY(w.ok());
        QVERIFY(w.value()->appendAudit(drafts(70, 3)));
        w.value()->close();
        QCOMPARE(w.value()->stats().rowsFailed, 3);
        QVERIFY(!w.value()->stats().errors.empty());
    }
};

QTEST_GUILESS_MAIN(TestAuditChain)
#include "tst_auditchain.moc"
