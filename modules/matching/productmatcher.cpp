#include "matching/productmatcher.h"

#include "matching/explainer.h"
#include "matching/factbuilder.h"

#include <algorithm>
#include <tuple>

namespace XinDai::Matching {

namespace {

using Kind = Condition::Kind;

double clamp01(double x)
{
    return x < 0 ? 0 : x > 1 ? 1 : x;
}

QVector<Core::Policy> interestSubsidies(const QVector<Core::Policy> &policies)
{
    QVector<Core::Policy> out;
    for (const Core::Policy &p : policies) {
        if (p.type == Core::Policy::Type::InterestSubsidy)
            out.append(p);
    }
    return out;
}

Condition rangeCondition(const QString &fact, double actual, double lower, double upper, bool passed)
{
    Condition c;
    c.kind = Kind::Between;
    c.op = QStringLiteral("<=");
    c.fact = fact;
    c.actual = Rules::Value(actual);
    c.threshold = Rules::Value(lower);
    c.upper = Rules::Value(upper);
    c.passed = passed;
    return c;
}

QString weightText(double w)
{
    return QString::number(w, 'f', 2);
}

} // namespace

ProductMatcher::ProductMatcher(const QVector<Core::FinancingProduct> &products,
                               const QVector<Core::Policy> &policies, const RankingWeights &weights,
                               const Core::WorkCalendar &calendar)
    : m_products(products)
    , m_subsidies(interestSubsidies(policies), calendar)
    , m_weights(weights)
{}

QStringList ProductMatcher::firmZones(const FirmFacts &firm)
{
    QStringList zones;
    const QStringList &q = firm.qualifications;
    if (q.contains(u"srdi_sme") || q.contains(u"little_giant") || q.contains(u"innovative_sme"))
        zones.append(QStringLiteral("专精特新"));
    if (q.contains(u"hightech") || q.contains(u"tech_sme"))
        zones.append(QStringLiteral("科技型企业"));
    if (firm.industrySection == u"C")
        zones.append(QStringLiteral("制造业贷款"));
    if (firm.industrySection == u"A")
        zones.append(QStringLiteral("涉农"));
    if (firm.size == u"small" || firm.size == u"micro")
        zones.append(QStringLiteral("普惠金融"));
    if (!firm.hadBankLoan)
        zones.append(QStringLiteral("首贷"));
    if (firm.kind == u"individual_business")
        zones.append(QStringLiteral("个体工商户"));
    if (firm.procurements3y > 0)
        zones.append(QStringLiteral("政府采购"));
    if (firm.taxGrade == u"A" || firm.taxGrade == u"B")
        zones.append(QStringLiteral("税易贷"));
    return zones;
}

bool ProductMatcher::collateralCompatible(const QString &productCollateral, const QString &offered)
{
    const QString required = productCollateral.trimmed();
    const QString offer = offered.trimmed();
    return offer.isEmpty() || required.isEmpty() || required == u"信用" || required == offer;
}

QString ProductMatcher::componentLabel(ProductMatch::Component component, Language language)
{
    const bool zh = language == Language::Chinese;
    switch (component) {
    case ProductMatch::Component::ApprovalRate:
        return zh ? QStringLiteral("审批通过率") : QStringLiteral("approval rate");
    case ProductMatch::Component::AnnualCost:
        return zh ? QStringLiteral("年化综合成本") : QStringLiteral("annual cost");
    case ProductMatch::Component::DecisionSpeed:
        return zh ? QStringLiteral("审批时效") : QStringLiteral("decision speed");
    case ProductMatch::Component::ServiceRating:
        return zh ? QStringLiteral("服务评价") : QStringLiteral("service rating");
    case ProductMatch::Component::ZoneMatch:
        break;
    }
    return zh ? QStringLiteral("专区匹配") : QStringLiteral("zone match");
}

QString ProductMatcher::explainPosition(const ProductMatch &match, Language language)
{
    const bool zh = language == Language::Chinese;
    if (!match.eligible) {
        QStringList reasons;
        if (!match.error.isEmpty())
            reasons.append(match.error);
        for (const Condition &c : match.failing)
            reasons.append(Explainer::sentence(c, language));
        if (zh)
            return match.product.name + u" 不符合条件：" + reasons.join(QStringLiteral("；"));
        return match.product.name + u" is not eligible: " + reasons.join(QStringLiteral("; "));
    }
    QStringList terms;
    for (const ProductMatch::Score &s : match.scores)
        terms.append(componentLabel(s.component, language) + u' ' + QString::number(s.normalised, 'f', 3)
                     + u"×" + weightText(s.weight));
    const QString total = QString::number(match.score, 'f', 3);
    if (zh)
        return u"第" + QString::number(match.rank) + u"名 " + match.product.name + u"：综合得分 " + total
               + u" = " + terms.join(QStringLiteral(" + "));
    return u"#" + QString::number(match.rank) + u' ' + match.product.name + u": score " + total + u" = "
           + terms.join(QStringLiteral(" + "));
}

QVector<ProductMatch> ProductMatcher::match(const FirmFacts &firm, const FinancingNeed &need, QDate day) const
{
    const Rules::Value facts = FactBuilder::facts(firm, need);
    const QStringList zones = firmZones(firm);
    const qint64 amount = need.amount.fen();
    QVector<ProductMatch> out;
    for (const Core::FinancingProduct &product : m_products) {
        if (product.meta.deleted)
            continue;
        ProductMatch m;
        m.product = product;
        m.explanation = Explainer::explain(product.eligibilityRule, facts);
        if (!m.explanation.valid)
            m.error = m.explanation.error;
        m.failing = m.explanation.failing();

        m.limits.append(
            rangeCondition(QStringLiteral("need.amount_wan"), double(amount) / 1e6,
                           double(product.minAmount.fen()) / 1e6, double(product.maxAmount.fen()) / 1e6,
                           amount >= product.minAmount.fen() && amount <= product.maxAmount.fen()));
        m.limits.append(rangeCondition(
            QStringLiteral("need.term_months"), need.termMonths, product.minTermMonths, product.maxTermMonths,
            need.termMonths >= product.minTermMonths && need.termMonths <= product.maxTermMonths));
        const QString required = product.collateral.trimmed();
        if (!need.collateral.trimmed().isEmpty() && !required.isEmpty() && required != u"信用") {
            Condition c;
            c.kind = Kind::Compare;
            c.op = QStringLiteral("==");
            c.fact = QStringLiteral("need.collateral");
            c.actual = Rules::Value(need.collateral.trimmed());
            c.threshold = Rules::Value(required);
            c.passed = collateralCompatible(required, need.collateral);
            m.limits.append(c);
        }
        bool limitsHold = true;
        for (const Condition &c : std::as_const(m.limits)) {
            if (!c.passed) {
                limitsHold = false;
                m.failing.append(c);
            }
        }
        m.eligible = m.explanation.valid && m.explanation.passed && limitsHold;

        // Cost: interest at the mid rate, fees, minus the best eligible interest subsidy.
        const qint64 rateSum = qint64(product.rateMinBp) + product.rateMaxBp;
        m.annualInterest = Core::Money::fromFen((amount * rateSum + 10000) / 20000);
        m.annualFees = need.amount.percentBp(product.feeBp);
        if (m.eligible && need.termMonths > 0) {
            LoanTerms loan;
            loan.amount = need.amount;
            loan.rateBp = int((rateSum + 1) / 2);
            loan.termMonths = need.termMonths;
            loan.guaranteeFee = Core::Money::fromFen(m.annualFees.fen() * need.termMonths / 12);
            const QVector<PolicyMatch> subsidies = m_subsidies.match(firm, day, need, loan);
            for (const PolicyMatch &s : subsidies) {
                if (s.status != PolicyMatch::Status::Eligible || s.window == PolicyMatch::Window::Closed)
                    continue;
                const qint64 annual = s.benefit.fen() * 12 / need.termMonths;
                if (annual > m.annualSubsidy.fen()) {
                    m.annualSubsidy = Core::Money::fromFen(annual);
                    m.subsidyPolicyCode = s.policy.code;
                }
            }
            if (m.annualSubsidy > m.annualInterest)
                m.annualSubsidy = m.annualInterest;
        }
        m.annualCost = m.annualInterest + m.annualFees - m.annualSubsidy;
        for (const QString &zone : product.zones) {
            if (zones.contains(zone))
                m.matchedZones.append(zone);
        }

        if (m.eligible) {
            const double costBp = amount > 0 ? double(m.annualCost.fen()) * 10000.0 / double(amount) : 0.0;
            const auto add
                = [&](ProductMatch::Component component, double raw, double normalised, double weight) {
                      ProductMatch::Score s;
                      s.component = component;
                      s.raw = raw;
                      s.normalised = clamp01(normalised);
                      s.weight = weight;
                      s.contribution = s.normalised * weight;
                      m.scores.append(s);
                      m.score += s.contribution;
                  };
            add(ProductMatch::Component::ApprovalRate, product.approvalRatePermille,
                product.approvalRatePermille / 1000.0, m_weights.approvalRate);
            add(ProductMatch::Component::AnnualCost, costBp,
                m_weights.costCeilingBp > 0 ? 1.0 - costBp / m_weights.costCeilingBp : 0.0,
                m_weights.annualCost);
            add(ProductMatch::Component::DecisionSpeed, product.avgDaysToDecision,
                m_weights.slowestDays > 0 ? 1.0 - double(product.avgDaysToDecision) / m_weights.slowestDays
                                          : 0.0,
                m_weights.decisionSpeed);
            add(ProductMatch::Component::ServiceRating, product.serviceRatingPermille,
                product.serviceRatingPermille / 1000.0, m_weights.serviceRating);
            add(ProductMatch::Component::ZoneMatch, m.matchedZones.isEmpty() ? 0 : 1,
                m.matchedZones.isEmpty() ? 0 : 1, m_weights.zoneMatch);
        }
        out.append(m);
    }
    std::stable_sort(out.begin(), out.end(), [](const ProductMatch &a, const ProductMatch &b) {
        if (a.eligible != b.eligible)
            return a.eligible;
        if (a.eligible) {
            if (a.score != b.score)
                return a.score > b.score;
            if (a.annualCost != b.annualCost)
                return a.annualCost < b.annualCost;
        }
        return a.product.code < b.product.code;
    });
    int rank = 0;
    for (ProductMatch &m : out) {
        if (m.eligible)
            m.rank = ++rank;
    }
    return out;
}

} // namespace XinDai::Matching
