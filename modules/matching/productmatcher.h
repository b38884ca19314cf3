#pragma once

#include "core/domain/financingproduct.h"
#include "core/domain/policy.h"
#include "core/workcalendar.h"
#include "matching/financingneed.h"
#include "matching/firmfacts.h"
#include "matching/language.h"
#include "matching/policymatcher.h"
#include "matching/productmatch.h"
#include "matching/rankingweights.h"

#include <QDate>
#include <QVector>

namespace XinDai::Matching {

/// Ranks loan products for a firm and a financing need (智能撮合, docs/matching.md).
///
/// A product is eligible when its eligibility rule passes on FactBuilder::facts(firm, need), the amount
/// and term are inside the product's ranges (bounds included) and the collateral is compatible (a 信用
/// product accepts any; otherwise the offered collateral must be the product's; an unspecified offer
/// accepts all). Eligible products are ordered by score (RankingWeights), then lower annual cost, then
/// code; ineligible ones follow by code with their failing conditions.
///
/// Subsidy: among the InterestSubsidy policies the firm is eligible for whose window is not closed on the
/// day, the largest benefit for the loan (need amount and term, the product's mid rate rounded half up to
/// a whole bp, fees over the term as guarantee fee) converted to a year (× 12 / term, rounded down) and
/// capped at the annual interest. Policies do not stack.
class ProductMatcher
{
public:
    explicit ProductMatcher(const QVector<Core::FinancingProduct> &products,
                            const QVector<Core::Policy> &policies = {}, const RankingWeights &weights = {},
                            const Core::WorkCalendar &calendar = Core::WorkCalendar::instance());

    const RankingWeights &weights() const { return m_weights; }

    /// Every product (deleted ones skipped) assessed for the firm and need on \a day, ranked.
    QVector<ProductMatch> match(const FirmFacts &firm, const FinancingNeed &need, QDate day) const;

    /// Zone tags of a firm: 专精特新 (srdi_sme, little_giant or innovative_sme), 科技型企业 (hightech or
    /// tech_sme), 制造业贷款 (section C), 涉农 (section A), 普惠金融 (small or micro), 首贷 (never had a
    /// bank loan), 个体工商户, 政府采购 (a procurement award in 3 years), 税易贷 (tax grade A or B).
    static QStringList firmZones(const FirmFacts &firm);
    /// Whether a product asking for \a productCollateral accepts a firm offering \a offered.
    static bool collateralCompatible(const QString &productCollateral, const QString &offered);
    /// Name of a score component.
    static QString componentLabel(ProductMatch::Component component, Language language);
    /// One line explaining a position: "第1名 经营快贷：综合得分 0.812 = 审批通过率 0.780×0.30 + …" or, for
    /// an ineligible product, its failing conditions.
    static QString explainPosition(const ProductMatch &match, Language language);

private:
    QVector<Core::FinancingProduct> m_products;
    PolicyMatcher m_subsidies;
    RankingWeights m_weights;
};

} // namespace XinDai::Matching
