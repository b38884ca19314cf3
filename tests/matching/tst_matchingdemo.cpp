#include "demo/demogenerator.h"
#include "matching/explainer.h"
#include "matching/factbuilder.h"
#include "matching/policymatcher.h"
#include "matching/productmatcher.h"
#include "rules/compiledrule.h"
#include "store/database.h"

#include <QHash>
#include <QTemporaryDir>
#include <QTest>

using namespace XinDai;
using namespace XinDai::Matching;

namespace {

Demo::DemoGenerator::Options demoOptions(int firms)
{
    Demo::DemoGenerator::Options o;
    o.firms = firms;
    o.seed = 20240601;
    o.asOf = QDate(2026, 11, 20);
    o.passwordIterations = 0;
    return o;
}

const QString kNotDishonest = QStringLiteral(R"({"!":{"var":"firm.dishonest"}})");

} // namespace

class TestMatchingDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const Demo::DemoGenerator generator(demoOptions(60));
        m_reference = generator.referenceData();
        const Core::Dataset firms = generator.firmsChunk(0, 60);
        m_day = generator.options().asOf;
        QHash<QString, Core::Park> parks;
        for (const Core::Park &p : std::as_const(m_reference.parks))
            parks.insert(p.meta.id, p);
        QHash<QString, int> index;
        for (const Core::Enterprise &e : firms.enterprises) {
            FirmData d;
            d.enterprise = e;
            if (parks.contains(e.parkId))
                d.park = parks.value(e.parkId);
            index.insert(e.meta.id, int(m_data.size()));
            m_data.append(d);
        }
        for (const Core::MonthlyValue &v : firms.series)
            m_data[index.value(v.enterpriseId)].series.append(v);
        for (const Core::CreditRecord &r : firms.records)
            m_data[index.value(r.enterpriseId)].records.append(r);
        for (const Core::Application &a : firms.applications)
            m_data[index.value(a.enterpriseId)].applications.append(a);
        for (const FirmData &d : std::as_const(m_data))
            m_facts.append(FactBuilder::firmFacts(d, m_day));
        QCOMPARE(m_facts.size(), 60);
        QVERIFY(m_reference.policies.size() >= 40);
        QVERIFY(m_reference.products.size() >= 30);
    }

    void everyRuleCompiles()
    {
        // The generated rules use only the contract's vocabulary and compile: nothing is reported broken.
        const PolicyMatcher matcher(m_reference.policies);
        QVERIFY(matcher.brokenPolicies().isEmpty());
        for (const Core::FinancingProduct &p : std::as_const(m_reference.products)) {
            QString error;
            QVERIFY2(Rules::CompiledRule::compileJson(p.eligibilityRule.toUtf8(), &error).isValid(),
                     qPrintable(error));
        }
    }

    void policyMatchesAgreeWithEngine()
    {
        const PolicyMatcher matcher(m_reference.policies);
        int eligible = 0;
        int nearMisses = 0;
        for (const FirmFacts &firm : std::as_const(m_facts)) {
            const Rules::Value facts = FactBuilder::facts(firm);
            const QVector<PolicyMatch> matches = matcher.match(firm, m_day);
            QCOMPARE(matches.size(), m_reference.policies.size());
            for (const PolicyMatch &m : matches) {
                const bool engine
                    = Rules::CompiledRule::compileJson(m.policy.eligibilityRule.toUtf8()).matches(facts);
                QCOMPARE(m.status == PolicyMatch::Status::Eligible, engine);
                QCOMPARE(m.explanation.passed, engine);
                QCOMPARE(m.ruleVersion, m.policy.ruleVersion);
                QVERIFY(m.benefit <= m.policy.benefitCap);
                QVERIFY(!m.benefit.isNegative());
                if (m.status == PolicyMatch::Status::NearMiss
                    || m.status == PolicyMatch::Status::OutOfScope) {
                    QCOMPARE(m.explanation.failing().size(), 1);
                    const QString fact = m.explanation.failing().first().fact;
                    const bool location
                        = fact == u"firm.city" || fact == u"firm.park" || fact == u"firm.region";
                    QCOMPARE(m.status == PolicyMatch::Status::OutOfScope, location);
                    nearMisses += location ? 0 : 1;
                }
                QVERIFY(m.status != PolicyMatch::Status::Broken);
                if (m.status == PolicyMatch::Status::Eligible) {
                    ++eligible;
                    // Hand-checked scope: city bodies ask firm.city, park bodies firm.park, so an eligible
                    // policy's region is the province, the firm's city or its park's county.
                    QVERIFY2(m.policy.regionCode == u"430000" || m.policy.regionCode == firm.city + u"00"
                                 || (!firm.park.isEmpty() && m.policy.regionCode.size() == 6
                                     && m.policy.eligibilityRule.contains(u"\"" + firm.park + u"\"")),
                             qPrintable(m.policy.code + u' ' + firm.name));
                    // A firm outside every park never gets a park body's policy.
                    if (firm.park.isEmpty())
                        QVERIFY(!m.policy.eligibilityRule.contains(u"firm.park"));
                }
            }
        }
        // The demo data is varied enough that both outcomes occur.
        QVERIFY(eligible > 0);
        QVERIFY(nearMisses > 0);
    }

    void handCheckedFirm()
    {
        // The first honest micro or small firm of 株洲高新区 (ZZ-HTZ, city 4302), at least a year old,
        // without a bank loan, qualifications or penalties. Its policies, worked out from the generated rules
        // (docs/demo-data.md, referencebuilder) by hand:
        int found = -1;
        for (int i = 0; i < m_facts.size() && found < 0; ++i) {
            const FirmFacts &f = m_facts[i];
            if (f.park == u"ZZ-HTZ" && !f.dishonest && !f.hadBankLoan && f.years >= 1
                && f.qualifications.isEmpty() && f.penalties3y == 0
                && (f.size == u"micro" || f.size == u"small"))
                found = i;
        }
        QVERIFY(found >= 0);
        const FirmFacts &firm = m_facts[found];
        QHash<QString, PolicyMatch> byCode;
        for (const PolicyMatch &m : PolicyMatcher(m_reference.policies).match(firm, m_day))
            byCode.insert(m.policy.code, m);
        // POL-FL-01 株洲高新区首贷户贷款奖补: park ZZ-HTZ ✓, not dishonest ✓, first loan ✓, ≥ 1 year ✓;
        // benefit min(10 万, amount × 15 / 1000) on the default 100 万 loan = 1,500,000 fen (1.5 万元).
        QCOMPARE(byCode.value(QStringLiteral("POL-FL-01")).status, PolicyMatch::Status::Eligible);
        QCOMPARE(byCode.value(QStringLiteral("POL-FL-01")).benefit.fen(), qint64(1500000));
        // POL-IS-05 株洲市制造业企业贷款贴息: city 4302 ✓, micro/small ✓, ≤ 1 penalty ✓; 30 % of
        // min(345, 300) bp on 100 万 for 12 months = 10^8 × 300 × 30 × 12 / 12,000,000 = 900,000 fen.
        QCOMPARE(byCode.value(QStringLiteral("POL-IS-05")).status, PolicyMatch::Status::Eligible);
        QCOMPARE(byCode.value(QStringLiteral("POL-IS-05")).benefit.fen(), qint64(900000));
        // POL-QA-06 株洲市高新技术企业认定奖励: city ✓ and not dishonest ✓, but no qualification: a near miss
        // whose one failing condition is the "any of the qualifications" group.
        const PolicyMatch qa = byCode.value(QStringLiteral("POL-QA-06"));
        QCOMPARE(qa.status, PolicyMatch::Status::NearMiss);
        QCOMPARE(Explainer::sentence(qa.explanation.failing().first(), Language::Chinese),
                 QStringLiteral("满足以下任一条件 ✗"));
        // POL-FL-02 湘潭经开区首贷培植: everything holds except the park → out of scope, not a near miss.
        QCOMPARE(byCode.value(QStringLiteral("POL-FL-02")).status, PolicyMatch::Status::OutOfScope);
        // POL-IS-04 长沙市 (city 4301 ≠ 4302) likewise.
        QCOMPARE(byCode.value(QStringLiteral("POL-IS-04")).status, PolicyMatch::Status::OutOfScope);
    }

    void dishonestFirmMatchesNothingThatForbidsIt()
    {
        // Pick the honest firm with the most eligible products, then put it on the 失信 list.
        const ProductMatcher matcher(m_reference.products, m_reference.policies);
        FinancingNeed need;
        need.amount = Core::Money::fromWan(100);
        need.termMonths = 12;
        int best = -1;
        int bestCount = 0;
        for (int i = 0; i < m_facts.size(); ++i) {
            if (m_facts[i].dishonest)
                continue;
            int count = 0;
            for (const ProductMatch &m : matcher.match(m_facts[i], need, m_day))
                count += m.eligible && m.product.eligibilityRule.contains(kNotDishonest) ? 1 : 0;
            if (count > bestCount) {
                best = i;
                bestCount = count;
            }
        }
        QVERIFY(best >= 0);
        QVERIFY(bestCount >= 3);

        FirmData data = m_data[best];
        Core::CreditRecord listing;
        listing.enterpriseId = data.enterprise.meta.id;
        listing.kind = Core::CreditRecord::Kind::DishonestDebtor;
        listing.date = m_day.addDays(-30);
        data.records.append(listing);
        const FirmFacts dishonest = FactBuilder::firmFacts(data, m_day);
        QVERIFY(dishonest.dishonest);
        for (const ProductMatch &m : matcher.match(dishonest, need, m_day)) {
            if (m.product.eligibilityRule.contains(kNotDishonest)) {
                QVERIFY2(!m.eligible, qPrintable(m.product.code));
                QStringList failing;
                for (const Condition &c : m.failing)
                    failing.append(Explainer::sentence(c, Language::Chinese));
                QVERIFY2(failing.contains(QStringLiteral("未列入失信被执行人名单 ✗")),
                         qPrintable(failing.join(u'|')));
            }
        }
        // Every generated policy requires !firm.dishonest: none is eligible any more.
        for (const PolicyMatch &m : PolicyMatcher(m_reference.policies).match(dishonest, m_day))
            QVERIFY2(m.status != PolicyMatch::Status::Eligible, qPrintable(m.policy.code));
    }

    void productRankingOnDemo()
    {
        const ProductMatcher matcher(m_reference.products, m_reference.policies);
        FinancingNeed need;
        need.amount = Core::Money::fromWan(200);
        need.termMonths = 12;
        need.collateral = QStringLiteral("信用");
        for (const FirmFacts &firm : std::as_const(m_facts)) {
            const QVector<ProductMatch> m = matcher.match(firm, need, m_day);
            QCOMPARE(m.size(), m_reference.products.size());
            double previous = 2;
            int rank = 0;
            for (const ProductMatch &x : m) {
                if (!x.eligible) {
                    QCOMPARE(x.rank, 0);
                    QVERIFY(!x.failing.isEmpty()); // an ineligible product always says why
                    continue;
                }
                QCOMPARE(x.rank, ++rank);
                QVERIFY(x.score <= previous);
                previous = x.score;
                // A firm offering no collateral only gets 信用 products, within their amount ranges.
                QCOMPARE(x.product.collateral, QStringLiteral("信用"));
                QVERIFY(x.product.minAmount <= need.amount && need.amount <= x.product.maxAmount);
                QVERIFY(x.annualSubsidy <= x.annualInterest);
            }
        }
    }

    void policyToFirmsInPark()
    {
        // 政策找企业: a park body's policy finds only firms of that park; the CSV lists each once.
        const PolicyMatcher matcher(m_reference.policies);
        int checked = 0;
        for (const Core::Policy &p : std::as_const(m_reference.policies)) {
            if (!p.eligibilityRule.contains(u"firm.park"))
                continue;
            const QVector<PolicyFirmHit> hits = matcher.eligibleFirms(p.meta.id, m_facts);
            for (const PolicyFirmHit &h : hits)
                QVERIFY(p.eligibilityRule.contains(u"\"" + h.firm.park + u"\""));
            const QByteArray csv = PolicyMatcher::toCsv(p, hits);
            QCOMPARE(csv.count("\r\n"), hits.size() + 1);
            checked += hits.isEmpty() ? 0 : 1;
        }
        QVERIFY(checked > 0);
    }

    void loadFromStore()
    {
        // The store path gives the same facts as the in-memory dataset.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("demo.db"));
        QString error;
        QVERIFY2(Demo::DemoGenerator::createDatabase(path, demoOptions(30), &error), qPrintable(error));
        Store::Database db;
        QVERIFY2(db.open(path, &error, Store::Database::OpenMode::MustExist), qPrintable(error));
        QHash<QString, int> perPark;
        for (int i = 0; i < 30; ++i) {
            const std::optional<FirmData> data = FactBuilder::load(db, m_data[i].enterprise.meta.id, &error);
            QVERIFY2(data, qPrintable(error));
            const FirmFacts loaded = FactBuilder::firmFacts(*data, m_day);
            QCOMPARE(loaded.toValue().toJsonText(), m_facts[i].toValue().toJsonText());
            QCOMPARE(loaded.name, m_facts[i].name);
            if (!m_facts[i].parkId.isEmpty())
                ++perPark[m_facts[i].parkId];
        }
        QVERIFY(!FactBuilder::load(db, QStringLiteral("no-such-firm"), &error));
        QVERIFY(error.contains(u"no-such-firm"));
        QVERIFY(!perPark.isEmpty());
        for (auto it = perPark.cbegin(); it != perPark.cend(); ++it) {
            const QVector<FirmFacts> park = FactBuilder::loadPark(db, it.key(), m_day);
            QCOMPARE(park.size(), it.value());
            for (const FirmFacts &f : park)
                QCOMPARE(f.parkId, it.key());
        }
    }

private:
    Core::Dataset m_reference;
    QVector<FirmData> m_data;
    QVector<FirmFacts> m_facts;
    QDate m_day;
};

QTEST_GUILESS_MAIN(TestMatchingDemo)
#include "tst_matchingdemo.moc"
