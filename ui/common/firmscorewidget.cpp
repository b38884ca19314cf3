#include "firmscorewidget.h"

#include "domainlabels.h"
#include "scorefactormodel.h"
#include "scoring/featureextractor.h"
#include "scoring/modelregistry.h"
#include "store/enterpriserepository.h"
#include "store/firmdatarepository.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace XinDai::Ui {

namespace {

QLabel *makeText(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    return label;
}

QLabel *makeHeading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

FirmScoreWidget::FirmScoreWidget(Store::Database &db, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_asOf(QDate::currentDate())
    , m_factors(new ScoreFactorModel(this))
{
    m_caption = new QLabel(this);
    m_caption->setObjectName(QStringLiteral("scoreCaption"));
    m_score = new QLabel(this);
    m_score->setObjectName(QStringLiteral("scoreValue"));
    QFont big = m_score->font();
    big.setPointSizeF(big.pointSizeF() * 3);
    big.setBold(true);
    m_score->setFont(big);
    m_grade = new QLabel(this);
    m_grade->setObjectName(QStringLiteral("scoreGrade"));
    m_grade->setFont(big);
    m_grade->setStyleSheet(QStringLiteral("color: #1f5fa8;"));
    m_secondary = makeText(QStringLiteral("scoreSecondary"), this);
    m_model = makeText(QStringLiteral("scoreModel"), this);
    m_model->setProperty("role", QStringLiteral("hint"));

    auto *headline = new QHBoxLayout;
    auto *scoreBox = new QVBoxLayout;
    scoreBox->addWidget(m_caption);
    auto *numbers = new QHBoxLayout;
    numbers->addWidget(m_score);
    numbers->addSpacing(24);
    numbers->addWidget(m_grade);
    numbers->addStretch(1);
    scoreBox->addLayout(numbers);
    headline->addLayout(scoreBox, 1);
    auto *side = new QVBoxLayout;
    side->addWidget(m_secondary);
    side->addWidget(m_model);
    side->addStretch(1);
    headline->addLayout(side, 1);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("scoreFactorTable"));
    m_table->setModel(m_factors);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ScoreFactorModel::ValueColumn, QHeaderView::Stretch);

    m_reasons = makeText(QStringLiteral("scoreReasons"), this);
    m_improvements = makeText(QStringLiteral("scoreImprovements"), this);
    m_reasons->setTextFormat(Qt::RichText);
    m_improvements->setTextFormat(Qt::RichText);
    auto *explain = new QWidget(this);
    auto *explainLayout = new QVBoxLayout(explain);
    explainLayout->setContentsMargins(0, 0, 0, 0);
    explainLayout->addWidget(makeHeading(tr("What lowered the score most"), explain));
    explainLayout->addWidget(m_reasons);
    explainLayout->addWidget(makeHeading(tr("What would raise the score"), explain));
    explainLayout->addWidget(m_improvements);
    explainLayout->addStretch(1);

    auto *body = new QHBoxLayout;
    body->addWidget(m_table, 3);
    body->addWidget(explain, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(headline);
    layout->addLayout(body, 1);
}

void FirmScoreWidget::setEnterprise(const QString &enterpriseId)
{
    m_enterpriseId = enterpriseId;
    m_computed = false;
    m_commercial.reset();
    m_knowledge.reset();
    m_expert.reset();
}

void FirmScoreWidget::setAsOf(const QDate &asOf)
{
    m_asOf = asOf;
    m_computed = false;
}

void FirmScoreWidget::ensureComputed()
{
    if (!m_computed && !m_enterpriseId.isEmpty())
        compute();
}

QString FirmScoreWidget::bulletList(const QStringList &lines)
{
    QStringList escaped;
    for (const QString &line : lines)
        escaped.append(QStringLiteral("• ") + line.toHtmlEscaped());
    return escaped.join(QStringLiteral("<br>"));
}

void FirmScoreWidget::showProblem(const QString &text)
{
    m_caption->setText(tr("Credit score"));
    m_score->setText(QStringLiteral("—"));
    m_grade->clear();
    m_secondary->setText(text);
    m_reasons->clear();
    m_improvements->clear();
    m_model->clear();
    m_factors->setRows({});
}

void FirmScoreWidget::compute()
{
    m_computed = true;
    m_reasonTexts.clear();
    m_improvementTexts.clear();
    const std::optional<Core::Enterprise> firm = Store::EnterpriseRepository(m_db).byId(m_enterpriseId);
    if (!firm) {
        showProblem(tr("The firm with id %1 is not in the local database.").arg(m_enterpriseId));
        return;
    }
    const Store::FirmDataRepository data(m_db);
    const Scoring::FirmFeatures features = Scoring::FeatureExtractor::extract(
        *firm, data.allSeries(firm->meta.id), data.records(firm->meta.id), m_asOf);
    const QLocale locale;
    const QString asOfText = DomainLabels::date(m_asOf);
    QString error;

    if (firm->kind == Core::Enterprise::Kind::IndividualBusiness) {
        const std::optional<Scoring::ExpertModel> model = Scoring::ModelRegistry::individualBusiness(&error);
        if (!model) {
            showProblem(tr("The individual-business model cannot be loaded: %1").arg(error));
            return;
        }
        m_expert = model->score(features);
        m_caption->setText(tr("Individual business score (0–100)"));
        m_score->setText(locale.toString(qRound(m_expert->score)));
        m_grade->setText(m_expert->grade);
        m_secondary->setText(
            tr("Individual businesses are scored with the expert-weighted model instead of the "
               "commercial and knowledge scorecards."));
        m_factors->setData(*model, *m_expert);
        // The indicators that lost the most of their weight, largest first.
        QVector<Scoring::ExpertModel::Contribution> lost = m_expert->contributions;
        std::stable_sort(lost.begin(), lost.end(), [](const auto &a, const auto &b) {
            return 100 * a.weight - a.points > 100 * b.weight - b.points;
        });
        for (const Scoring::ExpertModel::Contribution &c : std::as_const(lost)) {
            const double missed = 100 * c.weight - c.points;
            if (missed < 0.05 || m_reasonTexts.size() >= 4)
                continue;
            const QString label = model->indicators().at(c.indicator).label;
            m_reasonTexts.append(c.missing ? tr("%1 has no data, so it added %2 of %3 possible points.")
                                                 .arg(label, locale.toString(c.points, 'f', 1),
                                                      locale.toString(100 * c.weight, 'f', 1))
                                           : tr("%1 added %2 of %3 possible points.")
                                                 .arg(label, locale.toString(c.points, 'f', 1),
                                                      locale.toString(100 * c.weight, 'f', 1)));
            m_improvementTexts.append(tr("Reaching the best value of %1 would add %2 points.")
                                          .arg(label, locale.toString(missed, 'f', 1)));
        }
        m_model->setText(tr("Model %1 (%2, version %3), as of %4.")
                             .arg(model->info().name, model->info().id)
                             .arg(model->info().version)
                             .arg(asOfText));
    } else {
        const std::optional<Scoring::Scorecard> commercial = Scoring::ModelRegistry::commercial(&error);
        if (!commercial) {
            showProblem(tr("The commercial-value scorecard cannot be loaded: %1").arg(error));
            return;
        }
        m_commercial = commercial->score(features);
        m_caption->setText(tr("Commercial value score (%1–%2)")
                               .arg(locale.toString(commercial->grades().minimum()),
                                    locale.toString(commercial->grades().maximum())));
        m_score->setText(locale.toString(qRound(m_commercial->score)));
        m_grade->setText(m_commercial->grade);
        m_factors->setData(*commercial, *m_commercial);
        m_reasonTexts = commercial->reasonTexts(*m_commercial);
        m_improvementTexts = commercial->improvementTexts(*m_commercial);
        QString modelText = tr("Model %1 (%2, version %3), as of %4.")
                                .arg(commercial->info().name, commercial->info().id)
                                .arg(commercial->info().version)
                                .arg(asOfText);
        const std::optional<Scoring::Scorecard> knowledge = Scoring::ModelRegistry::knowledge(&error);
        if (knowledge) {
            m_knowledge = knowledge->score(features);
            m_secondary->setText(tr("Knowledge value score: %1 of %2 (grade %3)")
                                     .arg(locale.toString(qRound(m_knowledge->score)),
                                          locale.toString(knowledge->grades().maximum()),
                                          m_knowledge->grade));
            modelText += QLatin1Char('\n')
                         + tr("Model %1 (%2, version %3), as of %4.")
                               .arg(knowledge->info().name, knowledge->info().id)
                               .arg(knowledge->info().version)
                               .arg(asOfText);
        } else {
            m_secondary->setText(tr("The knowledge-value scorecard cannot be loaded: %1").arg(error));
        }
        m_model->setText(modelText);
    }
    m_reasons->setText(
        m_reasonTexts.isEmpty()
            ? tr("No factor lowered the score: every factor is at its best value.").toHtmlEscaped()
            : bulletList(m_reasonTexts));
    m_improvements->setText(m_improvementTexts.isEmpty()
                                ? tr("No factor can raise the score further.").toHtmlEscaped()
                                : bulletList(m_improvementTexts));
}

} // namespace XinDai::Ui
