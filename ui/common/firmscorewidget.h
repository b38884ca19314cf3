#pragma once

#include "scoring/expertmodel.h"
#include "scoring/scoreresult.h"

#include <QDate>
#include <QWidget>

#include <optional>

class QLabel;
class QTableView;

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

class ScoreFactorModel;

/// The 信用评分 tab of the firm profile: the commercial-value score and grade (for 个体工商户 the
/// expert-model score instead), the knowledge-value score, the factor contributions, the reasons that
/// lowered the score most and what would raise it, and the model id/version with the as-of date.
/// Scores are computed on demand (ensureComputed()), from the shipped models, as of today.
class FirmScoreWidget : public QWidget
{
    Q_OBJECT

public:
    explicit FirmScoreWidget(Store::Database &db, QWidget *parent = nullptr);

    /// Remembers the firm to score; computes nothing yet. Empty = no firm.
    void setEnterprise(const QString &enterpriseId);
    /// Scores the firm if it has not been scored since setEnterprise() (cheap when already done).
    void ensureComputed();
    bool isComputed() const { return m_computed; }

    /// The as-of date of the features (default: today). Takes effect at the next computation.
    void setAsOf(const QDate &asOf);
    QDate asOf() const { return m_asOf; }

    /// Commercial scorecard result (companies), empty for 个体工商户 or before computation.
    const std::optional<Scoring::ScoreResult> &commercialResult() const { return m_commercial; }
    /// Knowledge scorecard result (companies).
    const std::optional<Scoring::ScoreResult> &knowledgeResult() const { return m_knowledge; }
    /// Expert-model result (个体工商户).
    const std::optional<Scoring::ExpertModel::Result> &expertResult() const { return m_expert; }

    QLabel *scoreLabel() const { return m_score; }
    QLabel *gradeLabel() const { return m_grade; }
    QLabel *secondaryLabel() const { return m_secondary; }
    QLabel *reasonsLabel() const { return m_reasons; }
    QLabel *improvementsLabel() const { return m_improvements; }
    QLabel *modelLabel() const { return m_model; }
    ScoreFactorModel *factorModel() const { return m_factors; }
    /// Reason sentences shown (what lowered the score most), in order.
    QStringList reasonTexts() const { return m_reasonTexts; }
    /// "What would raise the score" sentences shown, in order.
    QStringList improvementTexts() const { return m_improvementTexts; }

private:
    void compute();
    void showProblem(const QString &text);
    static QString bulletList(const QStringList &lines);

    Store::Database &m_db;
    QString m_enterpriseId;
    QDate m_asOf;
    bool m_computed = false;
    std::optional<Scoring::ScoreResult> m_commercial;
    std::optional<Scoring::ScoreResult> m_knowledge;
    std::optional<Scoring::ExpertModel::Result> m_expert;
    QStringList m_reasonTexts;
    QStringList m_improvementTexts;
    QLabel *m_caption = nullptr;
    QLabel *m_score = nullptr;
    QLabel *m_grade = nullptr;
    QLabel *m_secondary = nullptr;
    QLabel *m_reasons = nullptr;
    QLabel *m_improvements = nullptr;
    QLabel *m_model = nullptr;
    ScoreFactorModel *m_factors = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace XinDai::Ui
