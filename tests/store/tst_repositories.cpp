// Round trips of every entity through its repository, and the refusals the repositories owe the user.

#include "store/applicationrepository.h"
#include "store/database.h"
#include "store/enterpriserepository.h"
#include "store/enumcodes.h"
#include "store/firmdatarepository.h"
#include "store/outbox.h"
#include "store/referencerepository.h"
#include "store/userrepository.h"
#include "storefixtures.h"

#include <QTemporaryDir>
#include <QTest>

using namespace XinDai;
using namespace XinDai::Store;
using namespace XinDai::Store::Test;

namespace {

void compareMeta(const Core::SyncMeta &a, const Core::SyncMeta &b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.version, b.version);
    QCOMPARE(a.updatedAt, b.updatedAt);
    QCOMPARE(a.deleted, b.deleted);
}

} // namespace

class TestRepositories : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void enumCodes();
    void parkRoundTrip();
    void institutionAndProductRoundTrip();
    void policyRoundTrip();
    void enterpriseRoundTrip();
    void duplicateUsccRefused();
    void invalidValueNamesField();
    void seriesAndRecordsRoundTrip();
    void userRoundTrip();
    void applicationRoundTrip();
    void applicationNumbersPerSeries();
    void illegalTransitionRefused_data();
    void illegalTransitionRefused();
    void authorizationAndDocumentRoundTrip();
    void outbox();

private:
    /// A park, an institution with a product, a user and one firm, saved.
    void seed();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    Core::Park m_park;
    Core::Institution m_institution;
    Core::FinancingProduct m_product;
    Core::User m_user;
    Core::Enterprise m_firm;
};

void TestRepositories::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>();
    QString error;
    QVERIFY2(m_db->open(m_dir->filePath(QStringLiteral("store.db")), &error), qPrintable(error));
}

void TestRepositories::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestRepositories::seed()
{
    ReferenceRepository refs(*m_db);
    QString error;
    m_park = makePark();
    QVERIFY2(refs.save(m_park, &error), qPrintable(error));
    m_institution = makeInstitution();
    QVERIFY2(refs.save(m_institution, &error), qPrintable(error));
    m_product = makeProduct(m_institution.meta.id);
    QVERIFY2(refs.save(m_product, &error), qPrintable(error));
    m_user = makeUser(m_park.meta.id);
    QVERIFY2(UserRepository(*m_db).save(m_user, &error), qPrintable(error));
    m_firm = makeEnterprise(QStringLiteral("91430104MA4L123456"), QStringLiteral("湖南湘江新材料有限公司"),
                            m_park.meta.id);
    QVERIFY2(EnterpriseRepository(*m_db).save(m_firm, &error), qPrintable(error));
}

void TestRepositories::enumCodes()
{
    // The codes are part of the schema (CHECK constraints) and of the wire format: pin a few, and
    // check every value survives a round trip, so that a new enum value without a code fails here.
    QCOMPARE(toCode(Core::Role::WindowStaff), QStringLiteral("window_staff"));
    QCOMPARE(toCode(Core::Application::State::Submitted), QStringLiteral("submitted"));
    QCOMPARE(toCode(Core::Policy::Type::InterestSubsidy), QStringLiteral("interest_subsidy"));
    QCOMPARE(toCode(Core::MonthlyValue::Kind::SocialInsuranceHeadcount),
             QStringLiteral("social_insurance_headcount"));
    for (int i = 0; i <= int(Core::Application::State::Withdrawn); ++i) {
        Core::Application::State s = Core::Application::State::Draft;
        QVERIFY(fromCode(toCode(Core::Application::State(i)), &s));
        QCOMPARE(int(s), i);
    }
    for (int i = 0; i <= int(Core::CreditRecord::Kind::Patent); ++i) {
        Core::CreditRecord::Kind k = Core::CreditRecord::Kind::Penalty;
        QVERIFY(fromCode(toCode(Core::CreditRecord::Kind(i)), &k));
        QCOMPARE(int(k), i);
    }
    for (int i = 0; i <= int(Core::Institution::Type::EquityInvestor); ++i) {
        Core::Institution::Type t = Core::Institution::Type::Bank;
        QVERIFY(fromCode(toCode(Core::Institution::Type(i)), &t));
        QCOMPARE(int(t), i);
    }
    Core::Role role = Core::Role::Admin;
    QVERIFY(!fromCode(u"Window_Staff", &role)); // codes are exact, case included
    QCOMPARE(role, Core::Role::Admin);          // and a failed parse leaves the value alone
}

void TestRepositories::parkRoundTrip()
{
    ReferenceRepository refs(*m_db);
    Core::Park park = makePark();
    QString error;
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    QVERIFY2(refs.save(park, &error), qPrintable(error));
    QCOMPARE(park.meta.id.size(), 36); // generated UUID
    QVERIFY(park.meta.updatedAt >= before);
    const auto loaded = refs.park(park.meta.id);
    QVERIFY(loaded);
    compareMeta(loaded->meta, park.meta);
    QCOMPARE(loaded->code, park.code);
    QCOMPARE(loaded->name, park.name);
    QCOMPARE(loaded->regionCode, park.regionCode);
    QCOMPARE(loaded->level, park.level);

    // Saving again with the same id updates the row instead of adding one.
    park.name = QStringLiteral("湘江新区");
    QVERIFY2(refs.save(park, &error), qPrintable(error));
    QCOMPARE(refs.parks().size(), 1);
    QCOMPARE(refs.park(park.meta.id)->name, QStringLiteral("湘江新区"));
    QVERIFY(!refs.park(QStringLiteral("no-such-id")));
}

void TestRepositories::institutionAndProductRoundTrip()
{
    seed();
    ReferenceRepository refs(*m_db);
    const auto inst = refs.institution(m_institution.meta.id);
    QVERIFY(inst);
    compareMeta(inst->meta, m_institution.meta);
    QCOMPARE(inst->code, m_institution.code);
    QCOMPARE(inst->name, m_institution.name);
    QCOMPARE(inst->type, Core::Institution::Type::Guarantor);
    QCOMPARE(inst->regionCode, m_institution.regionCode);

    const auto p = refs.product(m_product.meta.id);
    QVERIFY(p);
    compareMeta(p->meta, m_product.meta);
    QCOMPARE(p->institutionId, m_product.institutionId);
    QCOMPARE(p->code, m_product.code);
    QCOMPARE(p->name, m_product.name);
    QCOMPARE(p->collateral, m_product.collateral);
    QCOMPARE(p->minAmount, m_product.minAmount);
    QCOMPARE(p->maxAmount, m_product.maxAmount);
    QCOMPARE(p->minTermMonths, m_product.minTermMonths);
    QCOMPARE(p->maxTermMonths, m_product.maxTermMonths);
    QCOMPARE(p->rateMinBp, m_product.rateMinBp);
    QCOMPARE(p->rateMaxBp, m_product.rateMaxBp);
    QCOMPARE(p->feeBp, m_product.feeBp);
    QCOMPARE(p->zones, m_product.zones);
    QCOMPARE(p->eligibilityRule, m_product.eligibilityRule);
    QCOMPARE(p->requiredDocuments, m_product.requiredDocuments);
    QCOMPARE(p->platformExclusive, m_product.platformExclusive);
    QCOMPARE(p->approvalRatePermille, m_product.approvalRatePermille);
    QCOMPARE(p->avgDaysToDecision, m_product.avgDaysToDecision);
    QCOMPARE(p->serviceRatingPermille, m_product.serviceRatingPermille);
    QCOMPARE(p->description, m_product.description);
    QCOMPARE(refs.products(m_institution.meta.id).size(), 1);
    QCOMPARE(refs.products(QStringLiteral("other-institution")).size(), 0);

    // A product of an institution that does not exist breaks a foreign key.
    Core::FinancingProduct orphan = makeProduct(QStringLiteral("missing"));
    QString error;
    QVERIFY(!refs.save(orphan, &error));
    QVERIFY2(error.contains(QStringLiteral("financing product")), qPrintable(error));
    QVERIFY(orphan.meta.id.isEmpty()); // the caller's value is untouched on failure
}

void TestRepositories::policyRoundTrip()
{
    ReferenceRepository refs(*m_db);
    Core::Policy policy = makePolicy();
    QString error;
    QVERIFY2(refs.save(policy, &error), qPrintable(error));
    const auto p = refs.policy(policy.meta.id);
    QVERIFY(p);
    compareMeta(p->meta, policy.meta);
    QCOMPARE(p->code, policy.code);
    QCOMPARE(p->title, policy.title);
    QCOMPARE(p->type, Core::Policy::Type::GuaranteeFeeSubsidy);
    QCOMPARE(p->authority, policy.authority);
    QCOMPARE(p->regionCode, policy.regionCode);
    QCOMPARE(p->eligibilityRule, policy.eligibilityRule);
    QCOMPARE(p->benefitRule, policy.benefitRule);
    QCOMPARE(p->benefitCap, policy.benefitCap);
    QCOMPARE(p->windowStart, policy.windowStart);
    QCOMPARE(p->windowEnd, policy.windowEnd);
    QCOMPARE(p->requiredMaterials, policy.requiredMaterials);
    QCOMPARE(p->summary, policy.summary);
    QCOMPARE(p->ruleVersion, 3);
    QCOMPARE(refs.policies().size(), 1);
}

void TestRepositories::enterpriseRoundTrip()
{
    seed();
    EnterpriseRepository firms(*m_db);
    const auto e = firms.byId(m_firm.meta.id);
    QVERIFY(e);
    compareMeta(e->meta, m_firm.meta);
    QCOMPARE(e->uscc, m_firm.uscc);
    QCOMPARE(e->name, m_firm.name);
    QCOMPARE(e->kind, Core::Enterprise::Kind::IndividualBusiness);
    QCOMPARE(e->legalRep, m_firm.legalRep);
    QCOMPARE(e->legalRepId, m_firm.legalRepId);
    QCOMPARE(e->established, m_firm.established);
    QCOMPARE(e->registeredCapital, m_firm.registeredCapital);
    QCOMPARE(e->industryCode, m_firm.industryCode);
    QCOMPARE(e->regionCode, m_firm.regionCode);
    QCOMPARE(e->parkId, m_park.meta.id);
    QCOMPARE(e->employees, m_firm.employees);
    QCOMPARE(e->annualRevenue, m_firm.annualRevenue);
    QCOMPARE(e->totalAssets, m_firm.totalAssets);
    QCOMPARE(e->address, m_firm.address);
    QCOMPARE(e->phone, m_firm.phone);
    // byUscc accepts lower case and surrounding blanks: people paste codes.
    QCOMPARE(firms.byUscc(QStringLiteral(" 91430104ma4l123456 "))->meta.id, m_firm.meta.id);
    QCOMPARE(firms.count(), 1);
    QCOMPARE(firms.count(m_park.meta.id), 1);
    QCOMPARE(firms.count(QStringLiteral("other-park")), 0);

    // A firm outside any park stores NULL and reads back an empty parkId.
    Core::Enterprise outside
        = makeEnterprise(QStringLiteral("92430104MA4L654321"), QStringLiteral("岳麓山小吃店"));
    QString error;
    QVERIFY2(firms.save(outside, &error), qPrintable(error));
    QCOMPARE(firms.byId(outside.meta.id)->parkId, QString());
}

void TestRepositories::duplicateUsccRefused()
{
    seed();
    EnterpriseRepository firms(*m_db);
    Core::Enterprise copy = makeEnterprise(m_firm.uscc, QStringLiteral("另一家公司"));
    QString error;
    QVERIFY(!firms.save(copy, &error));
    QCOMPARE(error,
             QStringLiteral("USCC 91430104MA4L123456 is already registered to 湖南湘江新材料有限公司."));
    QCOMPARE(firms.count(), 1);
    // Re-saving the owner of the USCC is an update, not a duplicate.
    QVERIFY2(firms.save(m_firm, &error), qPrintable(error));
}

void TestRepositories::invalidValueNamesField()
{
    seed();
    EnterpriseRepository firms(*m_db);
    Core::Enterprise bad = makeEnterprise(QStringLiteral("91430104MA4L999999"), QStringLiteral("负资本公司"));
    bad.registeredCapital = Core::Money::fromFen(-1); // CHECK (registered_capital >= 0)
    QString error;
    QVERIFY(!firms.save(bad, &error));
    QVERIFY2(error.contains(QStringLiteral("“registered_capital”")), qPrintable(error));
    QVERIFY(!firms.byUscc(bad.uscc));

    Core::Enterprise noName = makeEnterprise(QStringLiteral("91430104MA4L888888"), QStringLiteral("  "));
    QVERIFY(!firms.save(noName, &error));
    QCOMPARE(error, QStringLiteral("Could not save the firm: the field “name” is required."));
}

void TestRepositories::seriesAndRecordsRoundTrip()
{
    seed();
    FirmDataRepository data(*m_db);
    QString error;
    // Saved out of order: series() must sort by month, allSeries() by kind (declaration order) then month.
    const struct
    {
        Core::MonthlyValue::Kind kind;
        QDate month;
        qint64 value;
    } rows[] = {
        {Core::MonthlyValue::Kind::Electricity, QDate(2026, 2, 1), 52000},
        {Core::MonthlyValue::Kind::TaxPaid, QDate(2026, 2, 1), 1234500},
        {Core::MonthlyValue::Kind::TaxPaid, QDate(2026, 1, 1), 998800},
    };
    QVector<Core::MonthlyValue> saved;
    for (const auto &r : rows) {
        Core::MonthlyValue v;
        v.enterpriseId = m_firm.meta.id;
        v.kind = r.kind;
        v.month = r.month;
        v.value = r.value;
        QVERIFY2(data.save(v, &error), qPrintable(error));
        saved.append(v);
    }
    const auto tax = data.series(m_firm.meta.id, Core::MonthlyValue::Kind::TaxPaid);
    QCOMPARE(tax.size(), 2);
    QCOMPARE(tax.at(0).month, QDate(2026, 1, 1));
    QCOMPARE(tax.at(0).value, 998800);
    compareMeta(tax.at(0).meta, saved.at(2).meta);
    QCOMPARE(tax.at(0).enterpriseId, m_firm.meta.id);
    QCOMPARE(tax.at(0).kind, Core::MonthlyValue::Kind::TaxPaid);
    QCOMPARE(tax.at(1).month, QDate(2026, 2, 1));
    const auto all = data.allSeries(m_firm.meta.id);
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(2).kind, Core::MonthlyValue::Kind::Electricity); // TaxPaid (0) before Electricity (3)

    // Series are saved by their natural key (firm, kind, month): the same month again is an update of
    // that row, not a second row; an explicit id replaces the stored one, no id keeps it.
    Core::MonthlyValue correction;
    correction.meta.id = QStringLiteral("0190f1c2-0000-7000-8000-000000000001");
    correction.enterpriseId = m_firm.meta.id;
    correction.kind = Core::MonthlyValue::Kind::TaxPaid;
    correction.month = QDate(2026, 1, 1);
    correction.value = 999000;
    QVERIFY2(data.save(correction, &error), qPrintable(error));
    QCOMPARE(correction.meta.id, QStringLiteral("0190f1c2-0000-7000-8000-000000000001"));
    Core::MonthlyValue noId = correction;
    noId.meta.id.clear();
    noId.value = 999100;
    QVERIFY2(data.save(noId, &error), qPrintable(error));
    QCOMPARE(noId.meta.id, correction.meta.id);
    const auto corrected = data.series(m_firm.meta.id, Core::MonthlyValue::Kind::TaxPaid);
    QCOMPARE(corrected.size(), 2);
    QCOMPARE(corrected.at(0).meta.id, correction.meta.id);
    QCOMPARE(corrected.at(0).value, 999100);
    QCOMPARE(data.allSeries(m_firm.meta.id).size(), 3);

    Core::MonthlyValue midMonth;
    midMonth.enterpriseId = m_firm.meta.id;
    midMonth.month = QDate(2026, 3, 15); // must be the first of a month
    QVERIFY(!data.save(midMonth, &error));
    QVERIFY2(error.contains(QStringLiteral("“month”")), qPrintable(error));

    Core::CreditRecord older;
    older.enterpriseId = m_firm.meta.id;
    older.kind = Core::CreditRecord::Kind::Qualification;
    older.date = QDate(2024, 5, 1);
    older.validTo = QDate(2027, 4, 30);
    older.title = QStringLiteral("高新技术企业");
    older.authority = QStringLiteral("湖南省科学技术厅");
    older.amount = Core::Money::fromWan(20);
    older.detail = QStringLiteral("GR202443000123");
    QVERIFY2(data.save(older, &error), qPrintable(error));
    Core::CreditRecord newer;
    newer.enterpriseId = m_firm.meta.id;
    newer.kind = Core::CreditRecord::Kind::Penalty;
    newer.date = QDate(2025, 8, 9);
    newer.title = QStringLiteral("环保处罚");
    QVERIFY2(data.save(newer, &error), qPrintable(error));
    const auto records = data.records(m_firm.meta.id);
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(0).meta.id, newer.meta.id); // date descending
    QCOMPARE(records.at(0).validTo, QDate());       // optional date stays invalid
    const Core::CreditRecord &r = records.at(1);
    compareMeta(r.meta, older.meta);
    QCOMPARE(r.enterpriseId, older.enterpriseId);
    QCOMPARE(r.kind, Core::CreditRecord::Kind::Qualification);
    QCOMPARE(r.date, older.date);
    QCOMPARE(r.validTo, older.validTo);
    QCOMPARE(r.title, older.title);
    QCOMPARE(r.authority, older.authority);
    QCOMPARE(r.amount, older.amount);
    QCOMPARE(r.detail, older.detail);
}

void TestRepositories::userRoundTrip()
{
    seed();
    UserRepository users(*m_db);
    const auto u = users.byLogin(QStringLiteral("window1"));
    QVERIFY(u);
    compareMeta(u->meta, m_user.meta);
    QCOMPARE(u->login, m_user.login);
    QCOMPARE(u->displayName, m_user.displayName);
    QCOMPARE(u->role, Core::Role::ParkManager);
    QCOMPARE(u->parkId, m_park.meta.id);
    QCOMPARE(u->institutionId, QString());
    QCOMPARE(u->passwordHash, m_user.passwordHash);
    QCOMPARE(u->disabled, true);
    QCOMPARE(users.byId(m_user.meta.id)->login, m_user.login);
    QCOMPARE(users.users().size(), 1);

    Core::User clash = makeUser(m_park.meta.id);
    QString error;
    QVERIFY(!users.save(clash, &error));
    QCOMPARE(error, QStringLiteral("The login window1 is already taken by another user."));
}

void TestRepositories::applicationNumbersPerSeries()
{
    seed();
    ApplicationRepository apps(*m_db);
    QCOMPARE(apps.nextNumber(2026), QStringLiteral("XD-2026-0000001"));
    QCOMPARE(apps.nextNumber(2026, QStringLiteral("CS-HTZ")), QStringLiteral("XD-2026-CS-HTZ-0000001"));
    auto store = [&](const QString &number) {
        Core::Application a;
        a.number = number;
        a.enterpriseId = m_firm.meta.id;
        a.institutionId = m_institution.meta.id;
        a.parkId = m_park.meta.id;
        a.amount = Core::Money::fromWan(100);
        a.termMonths = 12;
        a.createdAt = utc(2026, 2, 1);
        QString error;
        QVERIFY2(apps.save(a, &error), qPrintable(error));
    };
    store(QStringLiteral("XD-2026-CS-HTZ-0000041"));
    store(QStringLiteral("XD-2026-ZZ-GXQ-0000090"));
    store(QStringLiteral("XD-2026-0000007"));
    // Each series counts on its own; a code with SQL wildcards is taken literally.
    QCOMPARE(apps.nextNumber(2026, QStringLiteral("CS-HTZ")), QStringLiteral("XD-2026-CS-HTZ-0000042"));
    QCOMPARE(apps.nextNumber(2026, QStringLiteral("ZZ-GXQ")), QStringLiteral("XD-2026-ZZ-GXQ-0000091"));
    QCOMPARE(apps.nextNumber(2026), QStringLiteral("XD-2026-0000008"));
    QCOMPARE(apps.nextNumber(2026, QStringLiteral("C%")), QStringLiteral("XD-2026-C%-0000001"));
    QCOMPARE(apps.nextNumber(2027, QStringLiteral("CS-HTZ")), QStringLiteral("XD-2027-CS-HTZ-0000001"));
}

void TestRepositories::applicationRoundTrip()
{
    seed();
    ApplicationRepository apps(*m_db);
    Core::Application a;
    a.number = QStringLiteral("XD-2026-000123");
    a.enterpriseId = m_firm.meta.id;
    a.productId = m_product.meta.id;
    a.institutionId = m_institution.meta.id;
    a.parkId = m_park.meta.id;
    a.amount = Core::Money::fromWan(300);
    a.termMonths = 24;
    a.purpose = QStringLiteral("购买原材料");
    a.collateral = QStringLiteral("厂房抵押");
    a.state = Core::Application::State::Disbursed;
    a.createdAt = utc(2026, 1, 5);
    a.submittedAt = utc(2026, 1, 6);
    a.acceptedAt = utc(2026, 1, 8);
    a.decidedAt = utc(2026, 1, 20);
    a.disbursedAt = utc(2026, 1, 25);
    a.approvedAmount = Core::Money::fromWan(250);
    a.approvedRateBp = 395;
    a.approvedTermMonths = 18;
    a.rejectReason = QStringLiteral("无");
    a.createdBy = m_user.meta.id;
    QString error;
    QVERIFY2(apps.save(a, &error), qPrintable(error));

    const auto b = apps.application(a.meta.id);
    QVERIFY(b);
    compareMeta(b->meta, a.meta);
    QCOMPARE(b->number, a.number);
    QCOMPARE(b->enterpriseId, a.enterpriseId);
    QCOMPARE(b->productId, a.productId);
    QCOMPARE(b->institutionId, a.institutionId);
    QCOMPARE(b->parkId, a.parkId);
    QCOMPARE(b->amount, a.amount);
    QCOMPARE(b->termMonths, a.termMonths);
    QCOMPARE(b->purpose, a.purpose);
    QCOMPARE(b->collateral, a.collateral);
    QCOMPARE(b->state, a.state);
    QCOMPARE(b->createdAt, a.createdAt);
    QCOMPARE(b->submittedAt, a.submittedAt);
    QCOMPARE(b->acceptedAt, a.acceptedAt);
    QCOMPARE(b->decidedAt, a.decidedAt);
    QCOMPARE(b->disbursedAt, a.disbursedAt);
    QCOMPARE(b->settledAt, QDateTime()); // not settled yet: stays invalid
    QCOMPARE(b->approvedAmount, a.approvedAmount);
    QCOMPARE(b->approvedRateBp, a.approvedRateBp);
    QCOMPARE(b->approvedTermMonths, a.approvedTermMonths);
    QCOMPARE(b->rejectReason, a.rejectReason);
    QCOMPARE(b->createdBy, a.createdBy);

    // Filters and counts.
    ApplicationRepository::Filter byPark;
    byPark.parkId = m_park.meta.id;
    QCOMPARE(apps.applications(byPark).size(), 1);
    ApplicationRepository::Filter otherInstitution;
    otherInstitution.institutionId = QStringLiteral("other");
    QCOMPARE(apps.applications(otherInstitution).size(), 0);
    ApplicationRepository::Filter drafts;
    drafts.state = Core::Application::State::Draft;
    QCOMPARE(apps.applications(drafts).size(), 0);
    const auto counts = apps.countByState();
    QCOMPARE(counts.size(), 1);
    QCOMPARE(counts.value(Core::Application::State::Disbursed), 1);

    // Legal step disbursed → settled is accepted.
    a.state = Core::Application::State::Settled;
    a.settledAt = utc(2027, 7, 25);
    QVERIFY2(apps.save(a, &error), qPrintable(error));
    QCOMPARE(apps.application(a.meta.id)->settledAt, a.settledAt);
}

void TestRepositories::illegalTransitionRefused_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<QString>("message");
    using S = Core::Application::State;
    // A draft has not been accepted by anyone: it cannot be approved directly.
    QTest::newRow("draft→approved") << int(S::Draft) << int(S::Approved)
                                    << QStringLiteral(
                                           "Application XD-1 cannot go from the state “draft” to the "
                                           "state “approved”.");
    // Rejected is final.
    QTest::newRow("rejected→accepted")
        << int(S::Rejected) << int(S::Accepted)
        << QStringLiteral("Application XD-1 cannot go from the state “rejected” to "
                          "the state “accepted”.");
    // Once accepted, the firm can no longer withdraw: the bank must decide.
    QTest::newRow("accepted→withdrawn")
        << int(S::Accepted) << int(S::Withdrawn)
        << QStringLiteral("Application XD-1 cannot go from the state “accepted” to "
                          "the state “withdrawn”.");
    // Money cannot flow back: settled never returns to disbursed.
    QTest::newRow("settled→disbursed")
        << int(S::Settled) << int(S::Disbursed)
        << QStringLiteral("Application XD-1 cannot go from the state “settled” to "
                          "the state “disbursed”.");
}

void TestRepositories::illegalTransitionRefused()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(QString, message);
    seed();
    ApplicationRepository apps(*m_db);
    Core::Application a;
    a.number = QStringLiteral("XD-1");
    a.enterpriseId = m_firm.meta.id;
    a.amount = Core::Money::fromWan(100);
    a.state = Core::Application::State(from);
    QString error;
    QVERIFY2(apps.save(a, &error), qPrintable(error)); // a new row may start in any state (imports)
    const QDateTime storedAt = a.meta.updatedAt;

    Core::Application changed = a;
    changed.state = Core::Application::State(to);
    changed.amount = Core::Money::fromWan(999);
    QVERIFY(!apps.save(changed, &error));
    QCOMPARE(error, message);
    const auto row = apps.application(a.meta.id);
    QVERIFY(row);
    QCOMPARE(int(row->state), from);                  // row unchanged …
    QCOMPARE(row->amount, Core::Money::fromWan(100)); // … in every field
    QCOMPARE(row->meta.updatedAt, storedAt);
    QCOMPARE(changed.meta.updatedAt, storedAt); // and the caller's value was not stamped
}

void TestRepositories::authorizationAndDocumentRoundTrip()
{
    seed();
    ApplicationRepository apps(*m_db);
    Core::Authorization auth;
    auth.enterpriseId = m_firm.meta.id;
    auth.institutionIds = {m_institution.meta.id, QStringLiteral("second-institution")};
    auth.purpose = QStringLiteral("贷款审批");
    auth.validFrom = QDate(2026, 1, 1);
    auth.validTo = QDate(2026, 12, 31);
    auth.revoked = true;
    auth.revokedAt = utc(2026, 3, 3);
    auth.scanSha256 = QString(64, QLatin1Char('a'));
    auth.recordedBy = m_user.meta.id;
    QString error;
    QVERIFY2(apps.save(auth, &error), qPrintable(error));
    const auto auths = apps.authorizations(m_firm.meta.id);
    QCOMPARE(auths.size(), 1);
    const Core::Authorization &x = auths.first();
    compareMeta(x.meta, auth.meta);
    QCOMPARE(x.enterpriseId, auth.enterpriseId);
    QCOMPARE(x.institutionIds, auth.institutionIds);
    QCOMPARE(x.purpose, auth.purpose);
    QCOMPARE(x.validFrom, auth.validFrom);
    QCOMPARE(x.validTo, auth.validTo);
    QCOMPARE(x.revoked, true);
    QCOMPARE(x.revokedAt, auth.revokedAt);
    QCOMPARE(x.scanSha256, auth.scanSha256);
    QCOMPARE(x.recordedBy, auth.recordedBy);

    Core::Authorization backwards = auth;
    backwards.meta.id.clear();
    backwards.validTo = QDate(2025, 12, 31); // before validFrom
    QVERIFY(!apps.save(backwards, &error));
    QVERIFY2(error.contains(QStringLiteral("“valid_to”")), qPrintable(error));

    Core::Document doc;
    doc.enterpriseId = m_firm.meta.id;
    doc.docType = QStringLiteral("business_licence");
    doc.fileName = QStringLiteral("营业执照.pdf");
    doc.mimeType = QStringLiteral("application/pdf");
    doc.sizeBytes = 5'368'709'120; // over 4 GiB: must not be truncated to 32 bits
    doc.sha256 = QString(64, QLatin1Char('f'));
    doc.addedAt = utc(2026, 2, 2);
    QVERIFY2(apps.save(doc, &error), qPrintable(error));
    const auto docs = apps.documents(m_firm.meta.id);
    QCOMPARE(docs.size(), 1);
    const Core::Document &d = docs.first();
    compareMeta(d.meta, doc.meta);
    QCOMPARE(d.enterpriseId, doc.enterpriseId);
    QCOMPARE(d.applicationId, QString());
    QCOMPARE(d.docType, doc.docType);
    QCOMPARE(d.fileName, doc.fileName);
    QCOMPARE(d.mimeType, doc.mimeType);
    QCOMPARE(d.sizeBytes, doc.sizeBytes);
    QCOMPARE(d.sha256, doc.sha256);
    QCOMPARE(d.addedAt, doc.addedAt);
}

void TestRepositories::outbox()
{
    Outbox box(*m_db);
    QCOMPARE(box.count(), 0);
    QString error;
    Outbox::Operation first;
    first.entity = QStringLiteral("application");
    first.rowId = QStringLiteral("row-1");
    first.kind = QStringLiteral("upsert");
    first.payload = QJsonObject{{QStringLiteral("state"), QStringLiteral("submitted")}};
    QVERIFY2(box.enqueue(first, &error), qPrintable(error));
    QCOMPARE(first.opId.size(), 36);
    QVERIFY(first.createdAt.isValid());
    Outbox::Operation second;
    second.entity = QStringLiteral("enterprise");
    second.rowId = QStringLiteral("row-2");
    second.kind = QStringLiteral("delete");
    second.attempts = 2;
    QVERIFY2(box.enqueue(second, &error), qPrintable(error));

    Outbox::Operation wrongKind = second;
    wrongKind.opId.clear();
    wrongKind.kind = QStringLiteral("merge");
    QVERIFY(!box.enqueue(wrongKind, &error));
    QVERIFY2(error.contains(QStringLiteral("“kind”")), qPrintable(error));
    Outbox::Operation sameId = second; // the op id is the idempotency key: unique
    QVERIFY(!box.enqueue(sameId, &error));

    QCOMPARE(box.count(), 2);
    const auto pending = box.pending();
    QCOMPARE(pending.size(), 2);
    QCOMPARE(pending.at(0).opId, first.opId); // oldest first
    QCOMPARE(pending.at(0).entity, first.entity);
    QCOMPARE(pending.at(0).rowId, first.rowId);
    QCOMPARE(pending.at(0).kind, first.kind);
    QCOMPARE(pending.at(0).payload, first.payload);
    QCOMPARE(pending.at(0).createdAt, first.createdAt);
    QCOMPARE(pending.at(1).attempts, 2);
    QCOMPARE(box.pending(1).size(), 1);

    QVERIFY(box.remove(first.opId));
    QVERIFY(!box.remove(first.opId)); // already gone
    QCOMPARE(box.count(), 1);
    QCOMPARE(box.pending().first().opId, second.opId);
}

QTEST_GUILESS_MAIN(TestRepositories)
#include "tst_repositories.moc"
