#include "core/residentid.h"
#include "core/uscc.h"
#include "core/workcalendar.h"
#include "demo/demogenerator.h"
#include "demo/demorandom.h"
#include "demo/firmbuilder_p.h"
#include "security/passwordhasher.h"
#include "store/database.h"
#include "store/enterpriserepository.h"
#include "store/referencerepository.h"
#include "store/userrepository.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace XinDai;
using Demo::DemoGenerator;

namespace {

/// Feeds every field of a dataset (except password hashes, which carry a random salt) into SHA-256.
class DatasetHasher
{
public:
    void add(const QString &s)
    {
        const QByteArray utf8 = s.toUtf8();
        add(qint64(utf8.size()));
        m_hash.addData(utf8);
    }
    void add(qint64 v) { m_hash.addData(QByteArrayView(reinterpret_cast<const char *>(&v), sizeof v)); }
    void add(bool v) { add(qint64(v ? 1 : 0)); }
    void add(QDate d) { add(d.isValid() ? d.toJulianDay() : qint64(-1)); }
    void add(const QDateTime &t) { add(t.isValid() ? t.toMSecsSinceEpoch() : qint64(-1)); }
    void add(Core::Money m) { add(m.fen()); }
    void add(const QStringList &l)
    {
        add(qint64(l.size()));
        for (const QString &s : l)
            add(s);
    }
    void add(const Core::SyncMeta &m)
    {
        add(m.id);
        add(m.version);
        add(m.updatedAt);
        add(m.deleted);
    }
    QByteArray result() { return m_hash.result().toHex(); }

    void add(const Core::Dataset &d)
    {
        for (const auto &p : d.parks) {
            add(p.meta), add(p.code), add(p.name), add(p.regionCode), add(p.level);
        }
        for (const auto &i : d.institutions) {
            add(i.meta), add(i.code), add(i.name), add(qint64(i.type)), add(i.regionCode);
        }
        for (const auto &p : d.products) {
            add(p.meta), add(p.institutionId), add(p.code), add(p.name), add(p.collateral), add(p.minAmount),
                add(p.maxAmount), add(qint64(p.minTermMonths)), add(qint64(p.maxTermMonths)),
                add(qint64(p.rateMinBp)), add(qint64(p.rateMaxBp)), add(qint64(p.feeBp)), add(p.zones),
                add(p.eligibilityRule), add(p.requiredDocuments), add(p.platformExclusive),
                add(qint64(p.approvalRatePermille)), add(qint64(p.avgDaysToDecision)),
                add(qint64(p.serviceRatingPermille)), add(p.description);
        }
        for (const auto &p : d.policies) {
            add(p.meta), add(p.code), add(p.title), add(qint64(p.type)), add(p.authority), add(p.regionCode),
                add(p.eligibilityRule), add(p.benefitRule), add(p.benefitCap), add(p.windowStart),
                add(p.windowEnd), add(p.requiredMaterials), add(p.summary), add(qint64(p.ruleVersion));
        }
        for (const auto &e : d.enterprises) {
            add(e.meta), add(e.uscc), add(e.name), add(qint64(e.kind)), add(e.legalRep), add(e.legalRepId),
                add(e.established), add(e.registeredCapital), add(e.industryCode), add(e.regionCode),
                add(e.parkId), add(qint64(e.employees)), add(e.annualRevenue), add(e.totalAssets),
                add(e.address), add(e.phone);
        }
        for (const auto &v : d.series) {
            add(v.meta), add(v.enterpriseId), add(qint64(v.kind)), add(v.month), add(v.value);
        }
        for (const auto &r : d.records) {
            add(r.meta), add(r.enterpriseId), add(qint64(r.kind)), add(r.date), add(r.validTo), add(r.title),
                add(r.authority), add(r.amount), add(r.detail);
        }
        for (const auto &a : d.authorizations) {
            add(a.meta), add(a.enterpriseId), add(a.institutionIds), add(a.purpose), add(a.validFrom),
                add(a.validTo), add(a.revoked), add(a.revokedAt), add(a.scanSha256), add(a.recordedBy);
        }
        for (const auto &a : d.applications) {
            add(a.meta), add(a.number), add(a.enterpriseId), add(a.productId), add(a.institutionId),
                add(a.parkId), add(a.amount), add(qint64(a.termMonths)), add(a.purpose), add(a.collateral),
                add(qint64(a.state)), add(a.createdAt), add(a.submittedAt), add(a.acceptedAt),
                add(a.decidedAt), add(a.disbursedAt), add(a.settledAt), add(a.approvedAmount),
                add(qint64(a.approvedRateBp)), add(qint64(a.approvedTermMonths)), add(a.rejectReason),
                add(a.createdBy);
        }
        for (const auto &doc : d.documents) {
            add(doc.meta), add(doc.enterpriseId), add(doc.applicationId), add(doc.docType), add(doc.fileName),
                add(doc.mimeType), add(doc.sizeBytes), add(doc.sha256), add(doc.addedAt);
        }
        for (const auto &u : d.users) {
            add(u.meta), add(u.login), add(u.displayName), add(qint64(u.role)), add(u.parkId),
                add(u.institutionId), add(u.disabled);
        }
    }

private:
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
};

QByteArray hashOf(const Core::Dataset &reference, const Core::Dataset &firms)
{
    DatasetHasher h;
    h.add(reference);
    h.add(firms);
    return h.result();
}

DemoGenerator::Options fastOptions()
{
    DemoGenerator::Options o;
    o.passwordIterations = 1000; // hashes are not what this suite checks; keep it fast
    return o;
}

} // namespace

class TestDemoGenerator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void randomIsDeterministic();
    void organizationCheck_data();
    void organizationCheck();
    void determinism();
    void chunkingDoesNotChangeFirms();
    void counts();
    void identifiersValid();
    void firmsPlausible();
    void seriesComplete();
    void applicationsConsistent();
    void authorizations();
    void rulesAreJson();
    void policyWindows();
    void createDatabase();
    void createDatabaseRefusesExistingFile();

private:
    DemoGenerator::Options m_options;
    Core::Dataset m_reference;
    Core::Dataset m_firms;
};

void TestDemoGenerator::initTestCase()
{
    m_options = fastOptions();
    const DemoGenerator generator(m_options);
    m_reference = generator.referenceData();
    m_firms = generator.firmsChunk(0, m_options.firms);
}

void TestDemoGenerator::randomIsDeterministic()
{
    Demo::DemoRandom a(42, 7), b(42, 7), c(42, 8);
    QVector<quint64> sa, sb, sc;
    for (int i = 0; i < 16; ++i) {
        sa.append(a.next());
        sb.append(b.next());
        sc.append(c.next());
    }
    QCOMPARE(sa, sb);  // same seed and stream: same sequence
    QVERIFY(sa != sc); // another stream: another sequence
    for (int i = 0; i < 1000; ++i) {
        const int v = a.range(-3, 5);
        QVERIFY(v >= -3 && v <= 5); // inclusive bounds
    }
    QCOMPARE(a.range(9, 9), 9);
    QCOMPARE(a.range(9, 2), 9); // empty range returns lo
    const QString id = Demo::DemoRandom::uuid(1, 2, 3);
    QCOMPARE(id, Demo::DemoRandom::uuid(1, 2, 3));
    QVERIFY(id != Demo::DemoRandom::uuid(1, 2, 4));
    QVERIFY(id != Demo::DemoRandom::uuid(2, 2, 3));
    static const QRegularExpression uuidRe(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    QVERIFY2(uuidRe.match(id).hasMatch(), qPrintable(id)); // version 8, RFC 9562 variant
    // Ids sort in generation order (append-only primary-key inserts): by index, then by sub.
    QVERIFY(Demo::DemoRandom::uuid(1, 2, 3, 0) < Demo::DemoRandom::uuid(1, 2, 3, 1));
    QVERIFY(Demo::DemoRandom::uuid(1, 2, 3, 4095) < Demo::DemoRandom::uuid(1, 2, 4, 0));
    QVERIFY(Demo::DemoRandom::uuid(1, 2, 99999, 7) < Demo::DemoRandom::uuid(1, 2, 100000, 0));
    // Same position, other table or seed: another id.
    QVERIFY(Demo::DemoRandom::uuid(1, 2, 3, 0) != Demo::DemoRandom::uuid(1, 5, 3, 0));
    QVERIFY(Demo::DemoRandom::uuid(1, 2, 3, 0) != Demo::DemoRandom::uuid(9, 2, 3, 0));
}

void TestDemoGenerator::organizationCheck_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QChar>("expected");
    // Organization codes embedded in published USCCs (positions 9–17).
    // 91330100716105852F: 7·3+1·7+6·9+1·10+0·5+5·8+8·4+5·2 = 174, 174 mod 11 = 9, 11−9 = 2.
    QTest::newRow("check 2") << QStringLiteral("71610585") << QChar(u'2');
    // 9144030071526726XG: weighted sum 199, mod 11 = 1, 11−1 = 10 → 'X'.
    QTest::newRow("check X") << QStringLiteral("71526726") << QChar(u'X');
    // 914403001922038216: weighted sum 164, mod 11 = 10, 11−10 = 1.
    QTest::newRow("check 1") << QStringLiteral("19220382") << QChar(u'1');
    // Weighted sum 0 → 11 − 0 = 11 → '0'.
    QTest::newRow("check 0 from 11") << QStringLiteral("00000000") << QChar(u'0');
    // Letters count A=10 … Z=35: "MA000000" = 22·3 + 10·7 = 136, mod 11 = 4, 11−4 = 7.
    QTest::newRow("letters") << QStringLiteral("MA000000") << QChar(u'7');
    // Wrong length and a character outside 0-9/A-Z give a null character.
    QTest::newRow("too short") << QStringLiteral("1234567") << QChar();
    QTest::newRow("lower case") << QStringLiteral("ma000000") << QChar();
}

void TestDemoGenerator::organizationCheck()
{
    QFETCH(QString, body);
    QFETCH(QChar, expected);
    QCOMPARE(Demo::Internal::FirmBuilder::organizationCheck(body), expected);
}

void TestDemoGenerator::determinism()
{
    const DemoGenerator again(m_options);
    const QByteArray first = hashOf(m_reference, m_firms);
    QCOMPARE(hashOf(again.referenceData(), again.firmsChunk(0, m_options.firms)), first);

    // Another seed must change the data (ids at least, in practice everything).
    DemoGenerator::Options other = m_options;
    other.seed = m_options.seed + 1;
    const DemoGenerator different(other);
    QVERIFY(hashOf(different.referenceData(), different.firmsChunk(0, other.firms)) != first);

    // Another reference date moves timestamps and series.
    DemoGenerator::Options later = m_options;
    later.asOf = m_options.asOf.addMonths(1);
    const DemoGenerator moved(later);
    QVERIFY(hashOf(moved.referenceData(), moved.firmsChunk(0, 50))
            != hashOf(m_reference, again.firmsChunk(0, 50)));

    // Password hashes are salted, but each verifies with the demo password.
    const auto users = again.referenceData().users;
    QVERIFY(!users.isEmpty());
    QVERIFY(users.first().passwordHash != m_reference.users.first().passwordHash);
    QVERIFY(Security::PasswordHasher::verify(m_options.demoPassword, users.first().passwordHash));
}

void TestDemoGenerator::chunkingDoesNotChangeFirms()
{
    // firmsChunk(0, N) must equal the concatenation of smaller chunks (independent per-firm streams).
    const DemoGenerator generator(m_options);
    Core::Dataset joined;
    for (int first = 0; first < m_options.firms; first += 250) {
        const Core::Dataset part = generator.firmsChunk(first, 250);
        joined.enterprises += part.enterprises;
        joined.series += part.series;
        joined.records += part.records;
        joined.authorizations += part.authorizations;
        joined.applications += part.applications;
        joined.documents += part.documents;
    }
    QCOMPARE(hashOf({}, joined), hashOf({}, m_firms));
    // Out-of-range requests are clamped, not padded.
    QCOMPARE(generator.firmsChunk(m_options.firms - 10, 100).enterprises.size(), 10);
    QCOMPARE(generator.firmsChunk(m_options.firms, 100).enterprises.size(), 0);
    QCOMPARE(generator.firmsChunk(-5, 10).enterprises.size(), 5);
}

void TestDemoGenerator::counts()
{
    // Minimums from the Foundation issue.
    QVERIFY(m_reference.parks.size() >= 3);
    QCOMPARE(m_firms.enterprises.size(), 600);
    QVERIFY(m_reference.institutions.size() >= 12);
    QVERIFY(m_reference.products.size() >= 30);
    QVERIFY(m_reference.policies.size() >= 40);

    QSet<int> policyTypes;
    for (const auto &p : m_reference.policies)
        policyTypes.insert(int(p.type));
    QCOMPARE(policyTypes.size(), 5); // all five policy types

    QSet<int> institutionTypes;
    for (const auto &i : m_reference.institutions)
        institutionTypes.insert(int(i.type));
    QCOMPARE(institutionTypes.size(), 7); // bank, insurer, guarantor, leasing, factoring, microcredit, equity

    QHash<int, int> states;
    for (const auto &a : m_firms.applications)
        ++states[int(a.state)];
    for (int s = 0; s <= int(Core::Application::State::Withdrawn); ++s)
        QVERIFY2(states.value(s) > 0, qPrintable(QStringLiteral("no application in state %1").arg(s)));

    QHash<int, int> roles;
    QSet<QString> logins;
    for (const auto &u : m_reference.users) {
        ++roles[int(u.role)];
        logins.insert(u.login);
        QVERIFY(!u.passwordHash.isEmpty());
    }
    QCOMPARE(roles.size(), 4);
    QCOMPARE(roles.value(int(Core::Role::Admin)), 1);
    QCOMPARE(roles.value(int(Core::Role::WindowStaff)), int(m_reference.parks.size())); // one per park
    QCOMPARE(roles.value(int(Core::Role::ParkManager)), int(m_reference.parks.size()));
    QVERIFY(roles.value(int(Core::Role::BankOfficer)) >= 3);
    QCOMPARE(logins.size(), m_reference.users.size()); // logins are unique
    for (const char *login : {"admin", "window.cs", "manager.cs", "bank.icbc"})
        QVERIFY2(logins.contains(QString::fromLatin1(login)), login); // the names docs/demo-data.md lists
    QVERIFY(m_reference.users.size() <= 20);                          // hashing cost stays small
}

void TestDemoGenerator::identifiersValid()
{
    QSet<QString> usccs, ids;
    for (const auto &e : m_firms.enterprises) {
        const Core::IdCheckResult uscc = Core::Uscc::check(e.uscc);
        QVERIFY2(uscc.valid, qPrintable(e.uscc + u' ' + uscc.reason));
        QVERIFY2(!usccs.contains(e.uscc), qPrintable(e.uscc)); // unique
        usccs.insert(e.uscc);
        // 91 = market regulation · enterprise; 92 = market regulation · individual business.
        QCOMPARE(e.uscc.left(2),
                 e.kind == Core::Enterprise::Kind::Company ? QStringLiteral("91") : QStringLiteral("92"));
        QCOMPARE(e.uscc.mid(2, 6), e.regionCode);
        QCOMPARE(Demo::Internal::FirmBuilder::organizationCheck(QStringView(e.uscc).mid(8, 8)),
                 e.uscc.at(16));

        const Core::IdCheckResult rid = Core::ResidentId::check(e.legalRepId, m_options.asOf);
        QVERIFY2(rid.valid, qPrintable(e.legalRepId + u' ' + rid.reason));
        QVERIFY(rid.warnings.isEmpty()); // regions come from the GB/T 2260 table
        const QDate birth = Core::ResidentId::birthDate(e.legalRepId);
        QVERIFY(birth.addYears(18) <= m_options.asOf); // adults only
        ids.insert(e.meta.id);
    }
    QCOMPARE(ids.size(), m_firms.enterprises.size());
}

void TestDemoGenerator::firmsPlausible()
{
    QSet<QString> parkIds;
    for (const auto &p : m_reference.parks)
        parkIds.insert(p.meta.id);
    int inPark = 0, individuals = 0, manufacturing = 0, software = 0, trade = 0;
    for (const auto &e : m_firms.enterprises) {
        QVERIFY(e.parkId.isEmpty() || parkIds.contains(e.parkId));
        inPark += e.parkId.isEmpty() ? 0 : 1;
        QVERIFY(e.regionCode.startsWith(QLatin1String("43"))); // Hunan
        QVERIFY(e.established < m_options.asOf);
        QVERIFY(e.employees >= 1);
        QVERIFY(e.annualRevenue.fen() > 0);
        QVERIFY(e.totalAssets.fen() > 0);
        QVERIFY(e.registeredCapital.fen() > 0);
        QVERIFY(!e.address.isEmpty() && e.address.startsWith(QStringLiteral("湖南省")));
        QVERIFY(!e.phone.isEmpty());
        if (e.kind == Core::Enterprise::Kind::IndividualBusiness) {
            ++individuals;
            QVERIFY2(!e.name.endsWith(QStringLiteral("公司")), qPrintable(e.name));
        } else {
            QVERIFY2(e.name.endsWith(QStringLiteral("有限公司")), qPrintable(e.name));
        }
        manufacturing += e.industryCode.startsWith(u'C') ? 1 : 0;
        software += e.industryCode.startsWith(QLatin1String("I6")) ? 1 : 0;
        trade += e.industryCode.startsWith(u'F') ? 1 : 0;
    }
    const int n = int(m_firms.enterprises.size());
    QVERIFY(inPark > n / 2); // most firms sit in a park …
    QVERIFY(inPark < n);     // … but not all
    QVERIFY(individuals > 0 && individuals < n / 4);
    QVERIFY(manufacturing > software); // weighted to manufacturing
    QVERIFY(software > n / 20);
    QVERIFY(trade > n / 20);

    QHash<int, int> recordKinds;
    for (const auto &r : m_firms.records)
        ++recordKinds[int(r.kind)];
    for (int k = 0; k <= int(Core::CreditRecord::Kind::Patent); ++k)
        QVERIFY2(recordKinds.value(k) > 0, qPrintable(QStringLiteral("no record of kind %1").arg(k)));
    QVERIFY(recordKinds.value(int(Core::CreditRecord::Kind::DishonestDebtor)) < n / 50); // a handful
}

void TestDemoGenerator::seriesComplete()
{
    const QDate first = QDate(m_options.asOf.year(), m_options.asOf.month(), 1).addMonths(-24);
    const QDate last = QDate(m_options.asOf.year(), m_options.asOf.month(), 1).addMonths(-1);
    QHash<QString, QDate> established;
    for (const auto &e : m_firms.enterprises)
        established.insert(e.meta.id, QDate(e.established.year(), e.established.month(), 1));
    QHash<QString, QVector<QDate>> months; // enterpriseId + kind → months
    for (const auto &v : m_firms.series) {
        QVERIFY(v.month.day() == 1 && v.month >= first && v.month <= last);
        QVERIFY(v.value >= 0);
        months[v.enterpriseId + QString::number(int(v.kind))].append(v.month);
    }
    int full = 0, total = 0, young = 0;
    for (auto it = established.cbegin(); it != established.cend(); ++it) {
        const int expected = it.value() <= first ? 24
                                                 : (last.year() - it.value().year()) * 12 + last.month()
                                                       - it.value().month() + 1;
        young += expected < 24 ? 1 : 0;
        for (int k = 0; k < 6; ++k) {
            const QVector<QDate> &m = months.value(it.key() + QString::number(k));
            ++total;
            for (int i = 1; i < m.size(); ++i)
                QVERIFY(m[i - 1] < m[i]); // ascending, no duplicates
            // Documented gaps: at most 3 missing months in one series of a few firms.
            QVERIFY2(m.size() <= expected && m.size() >= expected - 3,
                     qPrintable(QStringLiteral("%1 months, expected %2").arg(m.size()).arg(expected)));
            full += m.size() == expected ? 1 : 0;
        }
    }
    QVERIFY(young > 0);                // some firms are younger than the window
    QVERIFY(full < total);             // a few gaps exist …
    QVERIFY(full >= total * 97 / 100); // … but they are rare
}

void TestDemoGenerator::applicationsConsistent()
{
    using S = Core::Application::State;
    const Core::WorkCalendar calendar = Core::WorkCalendar::builtin();
    const QDateTime end = QDateTime(m_options.asOf, QTime(0, 0), QTimeZone(8 * 3600)).toUTC();
    QSet<QString> productIds, numbers;
    for (const auto &p : m_reference.products)
        productIds.insert(p.meta.id);
    int accepted = 0, acceptedInTime = 0, decided = 0, decidedInTime = 0;
    auto local = [](const QDateTime &t) {
        return t.toTimeZone(QTimeZone(8 * 3600)).date();
    };
    for (const auto &a : m_firms.applications) {
        QVERIFY(productIds.contains(a.productId));
        QVERIFY(!numbers.contains(a.number));
        numbers.insert(a.number);
        QVERIFY(a.amount.fen() > 0);
        QVERIFY(a.createdAt.isValid() && a.createdAt < end);
        QVERIFY(a.meta.updatedAt < end.addDays(1));
        const bool submitted = a.submittedAt.isValid();
        QCOMPARE(submitted, a.state != S::Draft && (a.state != S::Withdrawn || submitted));
        if (submitted)
            QVERIFY(a.submittedAt >= a.createdAt && a.submittedAt < end);
        const bool wasAccepted = a.state == S::Accepted || a.state == S::Approved || a.state == S::Rejected
                                 || a.state == S::Disbursed || a.state == S::Settled;
        QCOMPARE(a.acceptedAt.isValid(), wasAccepted);
        if (wasAccepted) {
            QVERIFY(a.acceptedAt > a.submittedAt && a.acceptedAt < end);
            ++accepted;
            acceptedInTime
                += calendar.workdaysBetween(local(a.submittedAt), local(a.acceptedAt)) <= 3 ? 1 : 0;
        }
        const bool wasDecided = wasAccepted && a.state != S::Accepted;
        QCOMPARE(a.decidedAt.isValid(), wasDecided);
        if (wasDecided) {
            QVERIFY(a.decidedAt > a.acceptedAt && a.decidedAt < end);
            ++decided;
            decidedInTime += calendar.workdaysBetween(local(a.acceptedAt), local(a.decidedAt)) <= 10 ? 1 : 0;
        }
        QCOMPARE(a.rejectReason.isEmpty(), a.state != S::Rejected);
        const bool approved = a.state == S::Approved || a.state == S::Disbursed || a.state == S::Settled;
        QCOMPARE(a.approvedAmount.fen() > 0, approved);
        if (approved) {
            QVERIFY(a.approvedAmount <= a.amount);
            QVERIFY(a.approvedTermMonths > 0);
        }
        QCOMPARE(a.disbursedAt.isValid(), a.state == S::Disbursed || a.state == S::Settled);
        if (a.disbursedAt.isValid())
            QVERIFY(a.disbursedAt > a.decidedAt && a.disbursedAt < end);
        QCOMPARE(a.settledAt.isValid(), a.state == S::Settled);
        if (a.settledAt.isValid())
            QVERIFY(a.settledAt > a.disbursedAt && a.settledAt < end);
    }
    // Deadlines: accept within 3 working days mostly, some late; result within 10 mostly, some late.
    QVERIFY(accepted > 0 && decided > 0);
    QVERIFY(acceptedInTime >= accepted * 3 / 4);
    QVERIFY(acceptedInTime < accepted);
    QVERIFY(decidedInTime >= decided * 3 / 4);
    QVERIFY(decidedInTime < decided);
}

void TestDemoGenerator::authorizations()
{
    QHash<QString, QStringList> institutionsByFirm;
    for (const auto &a : m_firms.applications)
        institutionsByFirm[a.enterpriseId].append(a.institutionId);
    int revoked = 0, expired = 0, valid = 0;
    QSet<QString> firmsWithAuthorization;
    for (const auto &auth : m_firms.authorizations) {
        QVERIFY(institutionsByFirm.contains(auth.enterpriseId)); // only firms with applications
        firmsWithAuthorization.insert(auth.enterpriseId);
        for (const QString &inst : institutionsByFirm.value(auth.enterpriseId))
            QVERIFY(auth.institutionIds.contains(inst)); // covers every institution applied to
        QVERIFY(auth.validFrom <= auth.validTo);
        revoked += auth.revoked ? 1 : 0;
        if (auth.revoked)
            QVERIFY(auth.revokedAt.isValid());
        expired += !auth.revoked && auth.validTo < m_options.asOf ? 1 : 0;
        valid += auth.permits(auth.institutionIds.value(0), m_options.asOf) ? 1 : 0;
    }
    QCOMPARE(firmsWithAuthorization.size(), institutionsByFirm.size());
    QCOMPARE(revoked, 1);
    QVERIFY(expired > 0);
    QVERIFY(valid > expired);
}

void TestDemoGenerator::rulesAreJson()
{
    auto check = [](const QString &rule, const QString &what) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(rule.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(), qPrintable(what + u": " + rule));
        QCOMPARE(doc.object().size(), 1); // a JsonLogic rule is one operator
        QVERIFY(!rule.contains(u'\n'));   // compact
    };
    for (const auto &p : m_reference.products) {
        QVERIFY2(!p.eligibilityRule.isEmpty(), qPrintable(p.code));
        check(p.eligibilityRule, p.code);
        QVERIFY(p.minAmount <= p.maxAmount && p.minAmount.fen() > 0);
        QVERIFY(p.minTermMonths <= p.maxTermMonths);
        QVERIFY(p.rateMinBp <= p.rateMaxBp);
        QVERIFY(!p.requiredDocuments.isEmpty());
    }
    for (const auto &p : m_reference.policies) {
        check(p.eligibilityRule, p.code);
        check(p.benefitRule, p.code);
        QVERIFY(p.benefitCap.fen() > 0);
        QVERIFY(!p.requiredMaterials.isEmpty());
    }
}

void TestDemoGenerator::policyWindows()
{
    int open = 0, closingSoon = 0, closed = 0, upcoming = 0;
    const QDate today = m_options.asOf;
    for (const auto &p : m_reference.policies) {
        QVERIFY(p.windowStart < p.windowEnd);
        if (p.windowEnd < today)
            ++closed;
        else if (p.windowStart > today)
            ++upcoming;
        else if (today.daysTo(p.windowEnd) <= 7)
            ++closingSoon;
        else
            ++open;
    }
    QVERIFY(open > 0);
    QVERIFY(closingSoon > 0); // some close within days of asOf
    QVERIFY(closed > 0);
    QVERIFY(upcoming > 0);
}

void TestDemoGenerator::createDatabase()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("demo.db"));
    DemoGenerator::Options options = fastOptions();
    options.firms = 60;
    QVector<int> steps;
    qint64 rows = 0;
    QString error;
    QVERIFY2(DemoGenerator::createDatabase(
                 path, options, &error,
                 [&](int done, int total) {
                     steps.append(done);
                     return total == 60;
                 },
                 &rows),
             qPrintable(error));
    QVERIFY(QFileInfo::exists(path));
    QVERIFY(!QFileInfo::exists(path + QStringLiteral(".part")));
    QCOMPARE(steps.first(), 0);
    QCOMPARE(steps.last(), 60);

    const DemoGenerator generator(options);
    const Core::Dataset firms = generator.firmsChunk(0, 60);
    QCOMPARE(rows, DemoGenerator::rowCount(generator.referenceData()) + DemoGenerator::rowCount(firms));

    Store::Database db;
    QVERIFY2(db.open(path, &error, Store::Database::OpenMode::MustExist), qPrintable(error));
    Store::EnterpriseRepository enterprises(db);
    QCOMPARE(enterprises.count(), 60);
    // A 2-character fragment of a generated name (the 字号 after a 2-character city) finds that firm.
    const Core::Enterprise *target = nullptr;
    for (const auto &e : firms.enterprises) {
        if (e.kind == Core::Enterprise::Kind::Company && !e.name.startsWith(QStringLiteral("张家界"))
            && !e.name.startsWith(QStringLiteral("湘西"))) {
            target = &e;
            break;
        }
    }
    QVERIFY(target);
    const QString fragment = target->name.mid(2, 2);
    bool found = false;
    for (const auto &hit : enterprises.search(fragment, 50))
        found = found || hit.id == target->meta.id;
    QVERIFY2(found, qPrintable(fragment));
    // USCC fragments work too.
    found = false;
    for (const auto &hit : enterprises.search(target->uscc.mid(8, 6), 50))
        found = found || hit.id == target->meta.id;
    QVERIFY(found);

    Store::UserRepository users(db);
    const auto admin = users.byLogin(QStringLiteral("admin"));
    QVERIFY(admin.has_value());
    QVERIFY(Security::PasswordHasher::verify(options.demoPassword, admin->passwordHash));
    Store::ReferenceRepository reference(db);
    QCOMPARE(reference.products().size(), generator.referenceData().products.size());
    QCOMPARE(reference.policies().size(), generator.referenceData().policies.size());
}

void TestDemoGenerator::createDatabaseRefusesExistingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("exists.db"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("keep me");
    file.close();
    DemoGenerator::Options options = fastOptions();
    options.firms = 5;
    QString error;
    QVERIFY(!DemoGenerator::createDatabase(path, options, &error));
    QVERIFY(error.contains(QDir::toNativeSeparators(path))); // the message names the file
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("keep me")); // untouched

    // Cancelling leaves nothing behind.
    const QString cancelled = dir.filePath(QStringLiteral("cancelled.db"));
    QVERIFY(!DemoGenerator::createDatabase(cancelled, options, &error, [](int, int) { return false; }));
    QVERIFY(!QFileInfo::exists(cancelled));
    QVERIFY(!QFileInfo::exists(cancelled + QStringLiteral(".part")));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "tst_demogenerator.moc"
