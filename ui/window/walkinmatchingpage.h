#pragma once

#include "matching/policymatch.h"
#include "matching/productmatch.h"

#include <QVector>
#include <QWizardPage>

class QLabel;
class QListWidget;
class QTableWidget;

namespace XinDai::Ui {

class WalkInWizard;

/// Step 6 of the walk-in wizard, its commit step: the eligible products (Matching::ProductMatcher) with
/// their explanations, one or more to apply for, and the eligible policies for information. Scores are
/// credit data: a product of an institution the firm's authorization does not cover shows no score and
/// cannot be chosen, and without any valid authorization the list stays empty with the reason. Leaving
/// the step pre-reviews every chosen product (a Block finding refuses) and submits the applications.
class WalkInMatchingPage : public QWizardPage
{
    Q_OBJECT

public:
    enum Column {
        ChooseColumn,
        RankColumn,
        InstitutionColumn,
        ProductColumn,
        ScoreColumn,
        CostColumn,
        ExplanationColumn,
        ColumnCount
    };

    explicit WalkInMatchingPage(WalkInWizard &wizard);

    /// The eligible products listed, in rank order.
    const QVector<Matching::ProductMatch> &products() const { return m_products; }
    /// The eligible policies listed.
    const QVector<Matching::PolicyMatch> &policies() const { return m_policies; }
    /// Ticks or unticks the product \a productId; false when it is not listed or not permitted.
    bool setChosen(const QString &productId, bool chosen);
    QStringList chosenProductIds() const;
    /// Why credit data is not shown (no valid authorization at all); empty when some is shown.
    QString creditNotice() const;
    QString errorText() const;

    QTableWidget *productTable() const { return m_table; }
    QListWidget *policyList() const { return m_policyList; }

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    WalkInWizard &m_wizard;
    QLabel *m_notice = nullptr;
    QTableWidget *m_table = nullptr;
    QListWidget *m_policyList = nullptr;
    QLabel *m_error = nullptr;
    QVector<Matching::ProductMatch> m_products;
    QVector<Matching::PolicyMatch> m_policies;
};

} // namespace XinDai::Ui
