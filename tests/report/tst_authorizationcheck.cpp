#include "report/authorizationcheck.h"

#include <QTest>

using XinDai::Core::Authorization;
using XinDai::Report::AuthorizationCheck;
using Verdict = AuthorizationCheck::Verdict;

Q_DECLARE_METATYPE(Verdict)

namespace {

const QString bank = QStringLiteral("bank-1");
const QString otherBank = QStringLiteral("bank-2");
const QDate day(2026, 11, 20);

Authorization make(const QString &id, const QStringList &institutions, const QString &purpose, QDate from,
                   QDate to, bool revoked = false)
{
    Authorization a;
    a.meta.id = id;
    a.enterpriseId = QStringLiteral("firm");
    a.institutionIds = institutions;
    a.purpose = purpose;
    a.validFrom = from;
    a.validTo = to;
    a.revoked = revoked;
    if (revoked)
        a.revokedAt = QDateTime(QDate(2026, 10, 3), QTime(9, 0), Qt::UTC);
    return a;
}

} // namespace

class TestAuthorizationCheck : public QObject
{
    Q_OBJECT

private slots:
    void verdicts_data();
    void verdicts();
};

void TestAuthorizationCheck::verdicts_data()
{
    QTest::addColumn<QVector<Authorization>>("authorizations");
    QTest::addColumn<QString>("purpose");
    QTest::addColumn<Verdict>("verdict");
    QTest::addColumn<QString>("authorizationId");
    QTest::addColumn<QString>("messagePart");

    const QString loan = QStringLiteral("贷款审批");
    const QDate from(2026, 11, 1);
    const QDate to(2026, 12, 31);

    QTest::newRow("none at all") << QVector<Authorization>{} << loan << Verdict::NoAuthorization << QString()
                                 << QStringLiteral("not given any authorization");
    QTest::newRow("valid") << QVector<Authorization>{make(QStringLiteral("a1"), {bank}, loan, from, to)}
                           << loan << Verdict::Permitted << QStringLiteral("a1") << QString();
    // Purpose comparison ignores surrounding blanks and letter case.
    QTest::newRow("purpose trimmed and case-insensitive")
        << QVector<Authorization>{make(QStringLiteral("a1"), {bank}, QStringLiteral(" Loan Review "), from,
                                       to)}
        << QStringLiteral("loan review") << Verdict::Permitted << QStringLiteral("a1") << QString();
    // validTo is inclusive: the last day still permits.
    QTest::newRow("last valid day") << QVector<Authorization>{make(QStringLiteral("a1"), {bank}, loan, from,
                                                                   day)}
                                    << loan << Verdict::Permitted << QStringLiteral("a1") << QString();
    QTest::newRow("expired the day before")
        << QVector<Authorization>{make(QStringLiteral("a1"), {bank}, loan, from, day.addDays(-1))} << loan
        << Verdict::Expired << QStringLiteral("a1") << QStringLiteral("expired on 2026-11-19");
    QTest::newRow("not yet valid") << QVector<Authorization>{make(QStringLiteral("a1"), {bank}, loan,
                                                                  day.addDays(1), to)}
                                   << loan << Verdict::NotYetValid << QStringLiteral("a1")
                                   << QStringLiteral("valid only from 2026-11-21");
    QTest::newRow("revoked, date named")
        << QVector<Authorization>{make(QStringLiteral("a1"), {bank}, loan, from, to, true)} << loan
        << Verdict::Revoked << QStringLiteral("a1") << QStringLiteral("revoked on 2026-10-03");
    QTest::newRow("other institution only")
        << QVector<Authorization>{make(QStringLiteral("a1"), {otherBank}, loan, from, to)} << loan
        << Verdict::InstitutionNotCovered << QString() << QStringLiteral("covers the institution 工商银行");
    QTest::newRow("purpose differs, authorized purpose named")
        << QVector<Authorization>{make(QStringLiteral("a1"), {bank}, QStringLiteral("贷后管理"), from, to)}
        << loan << Verdict::PurposeDiffers << QString()
        << QStringLiteral("only for \"贷后管理\", not for \"贷款审批\"");
    // One valid authorization wins over an expired and a revoked one for the same pair.
    QTest::newRow("valid among stale ones")
        << QVector<Authorization>{make(QStringLiteral("old"), {bank}, loan, QDate(2025, 1, 1),
                                       QDate(2025, 12, 31)),
                                  make(QStringLiteral("rev"), {bank}, loan, from, to, true),
                                  make(QStringLiteral("ok"), {otherBank, bank}, loan, from, to)}
        << loan << Verdict::Permitted << QStringLiteral("ok") << QString();
    // Expiry of the right purpose is more specific than a purpose mismatch: the refusal names the expiry.
    QTest::newRow("expired beats purpose differs")
        << QVector<Authorization>{make(QStringLiteral("other"), {bank}, QStringLiteral("贷后管理"), from, to),
                                  make(QStringLiteral("old"), {bank}, loan, QDate(2025, 1, 1),
                                       QDate(2025, 12, 31))}
        << loan << Verdict::Expired << QStringLiteral("old") << QStringLiteral("expired on 2025-12-31");
    // Of two expired ones the latest-ending is named (it is the one the firm would renew).
    QTest::newRow("latest expiry named")
        << QVector<Authorization>{make(QStringLiteral("older"), {bank}, loan, QDate(2024, 1, 1),
                                       QDate(2024, 12, 31)),
                                  make(QStringLiteral("newer"), {bank}, loan, QDate(2025, 1, 1),
                                       QDate(2026, 6, 30))}
        << loan << Verdict::Expired << QStringLiteral("newer") << QStringLiteral("expired on 2026-06-30");
    Authorization deleted = make(QStringLiteral("gone"), {bank}, loan, from, to);
    deleted.meta.deleted = true;
    // A deleted (tombstoned) authorization counts as absent.
    QTest::newRow("tombstone ignored") << QVector<Authorization>{deleted} << loan << Verdict::NoAuthorization
                                       << QString() << QStringLiteral("not given any authorization");
}

void TestAuthorizationCheck::verdicts()
{
    QFETCH(QVector<Authorization>, authorizations);
    QFETCH(QString, purpose);
    QFETCH(Verdict, verdict);
    QFETCH(QString, authorizationId);
    QFETCH(QString, messagePart);
    const AuthorizationCheck::Result r
        = AuthorizationCheck::check(authorizations, bank, QStringLiteral("工商银行"), purpose, day);
    QCOMPARE(r.verdict, verdict);
    QCOMPARE(r.permitted(), verdict == Verdict::Permitted);
    QCOMPARE(r.authorizationId, authorizationId);
    if (messagePart.isEmpty())
        QVERIFY2(r.message.isEmpty(), qPrintable(r.message));
    else
        QVERIFY2(r.message.contains(messagePart), qPrintable(r.message));
}

QTEST_GUILESS_MAIN(TestAuthorizationCheck)
#include "tst_authorizationcheck.moc"
