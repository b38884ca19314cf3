// The 信用评分 tab of the firm profile and the 园区信用指数 page on a small generated demo database: what
// they show must be what the scoring module computes for the same firms (recomputed here independently).
#include "common/firmprofilewidget.h"
#include "common/firmscorewidget.h"
#include "common/scorefactormodel.h"
#include "demo/demogenerator.h"
#include "park/kpicardwidget.h"
#include "park/parkindexpage.h"
#include "scoring/featureextractor.h"
#include "scoring/gradescale.h"
#include "scoring/shippedmodels.h"
#include "shell/mainwindow.h"
#include "store/applicationrepository.h"
#include "store/database.h"
#include "store/enterpriserepository.h"
#include "store/firmdatarepository.h"
#include "store/userrepository.h"

#include <QAbstractItemModelTester>
#include <QBarSet>
#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QSet>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace XinDai;
using namespace Qt::StringLiterals;

class TestGuiScore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(u"demo.db"_s);
        Demo::DemoGenerator::Options options;
        options.firms = 60;
        options.demoPassword = u"xindai2026"_s;
        options.passwordIterations = 1000; // no login here: keep the generator fast
        QString error;
        QVERIFY2(Demo::DemoGenerator::createDatabase(path, options, &error), qPrintable(error));
        QVERIFY2(m_db.open(path, &error, Store::Database::OpenMode::MustExist), qPrintable(error));
        const std::optional<Scoring::Scorecard> commercial = Scoring::ShippedModels::commercial(&error);
        QVERIFY2(commercial, qPrintable(error));
        m_commercial = *commercial;
        const std::optional<Scoring::ParkIndex> park = Scoring::ShippedModels::parkIndex(&error);
        QVERIFY2(park, qPrintable(error));
        m_parkIndex = *park;
    }

    void scoreTabMatchesScorecard_data()
    {
        QTest::addColumn<QString>("firmId");
        const QDate asOf = QDate::currentDate();
        // Score every company ourselves, to pick the extremes: the lowest-scoring one must show reasons.
        QString lowest;
        QString highest;
        double low = 1e9;
        double high = -1e9;
        QString individual;
        for (const QString &id : firmIds({})) {
            const Core::Enterprise firm = *Store::EnterpriseRepository(m_db).byId(id);
            if (firm.kind == Core::Enterprise::Kind::IndividualBusiness) {
                if (individual.isEmpty())
                    individual = id;
                continue;
            }
            const double s = m_commercial.score(features(firm, asOf)).score;
            if (s < low) {
                low = s;
                lowest = id;
            }
            if (s > high) {
                high = s;
                highest = id;
            }
        }
        QVERIFY(!lowest.isEmpty());
        QVERIFY(low < high); // the demo data spreads scores, or the comparison below proves little
        QTest::newRow("lowest-scoring company") << lowest;
        QTest::newRow("highest-scoring company") << highest;
        if (!individual.isEmpty())
            QTest::newRow("individual business") << individual;
    }

    void scoreTabMatchesScorecard()
    {
        QFETCH(QString, firmId);
        Ui::FirmProfileWidget profile(m_db);
        Ui::FirmScoreWidget *panel = profile.scoreWidget();
        QAbstractItemModelTester tester(panel->factorModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(profile.showEnterprise(firmId));
        // Computed on demand: not while another tab is current, only when the score tab is shown.
        QCOMPARE(profile.tabs()->currentIndex(), int(Ui::FirmProfileWidget::RegistrationTab));
        QVERIFY(!panel->isComputed());
        QCOMPARE(profile.tabs()->tabText(Ui::FirmProfileWidget::ScoreTab), u"Credit score"_s);
        profile.tabs()->setCurrentIndex(Ui::FirmProfileWidget::ScoreTab);
        QVERIFY(panel->isComputed());

        const Core::Enterprise firm = *Store::EnterpriseRepository(m_db).byId(firmId);
        const Scoring::FirmFeatures f = features(firm, panel->asOf());
        const QLocale locale;
        if (firm.kind == Core::Enterprise::Kind::IndividualBusiness) {
            // 个体工商户 get the expert-model score instead of the scorecards.
            const Scoring::ExpertModel model = *Scoring::ShippedModels::individualBusiness();
            const Scoring::ExpertModel::Result expected = model.score(f);
            QVERIFY(!panel->commercialResult());
            QVERIFY(panel->expertResult());
            QCOMPARE(panel->expertResult()->score, expected.score);
            QCOMPARE(panel->scoreLabel()->text(), locale.toString(qRound(expected.score)));
            QCOMPARE(panel->gradeLabel()->text(), expected.grade);
            QCOMPARE(panel->factorModel()->rowCount(), int(model.indicators().size()));
            QVERIFY(panel->modelLabel()->text().contains(model.info().id));
            return;
        }
        const Scoring::ScoreResult expected = m_commercial.score(f);
        QVERIFY(panel->commercialResult());
        QCOMPARE(panel->commercialResult()->score, expected.score);
        QCOMPARE(panel->scoreLabel()->text(), locale.toString(qRound(expected.score)));
        QCOMPARE(panel->gradeLabel()->text(), expected.grade);
        QVERIFY(!expected.grade.isEmpty());
        // The table has one row per factor, and its points add up to the raw score.
        Ui::ScoreFactorModel *model = panel->factorModel();
        QCOMPARE(model->rowCount(), int(m_commercial.factors().size()));
        QCOMPARE(model->columnCount(), int(Ui::ScoreFactorModel::ColumnCount));
        double sum = expected.basePoints;
        for (int row = 0; row < model->rowCount(); ++row) {
            sum += model->index(row, 0).data(Ui::ScoreFactorModel::PointsRole).toDouble();
            QCOMPARE(model->index(row, Ui::ScoreFactorModel::FactorColumn).data().toString(),
                     m_commercial.factors().at(row).label);
            QCOMPARE(model->index(row, Ui::ScoreFactorModel::ValueColumn).data().toString(),
                     m_commercial.binText(row, expected.contributions.at(row).bin));
        }
        QVERIFY(qAbs(sum - expected.rawScore) < 1e-6);
        // Reasons and improvements are the model's sentences, in its order.
        QCOMPARE(panel->reasonTexts(), m_commercial.reasonTexts(expected));
        QCOMPARE(panel->improvementTexts(), m_commercial.improvementTexts(expected));
        if (qstrcmp(QTest::currentDataTag(), "lowest-scoring company") == 0) {
            // The lowest score of the demo set is far from the maximum: something lowered it.
            QVERIFY(!panel->reasonTexts().isEmpty());
            QVERIFY(panel->reasonsLabel()->text().contains(panel->reasonTexts().first().toHtmlEscaped()));
        }
        // The knowledge-value score is shown beside it; model id, version and as-of date underneath.
        const Scoring::Scorecard knowledge = *Scoring::ShippedModels::knowledge();
        QVERIFY(panel->knowledgeResult());
        QCOMPARE(panel->knowledgeResult()->score, knowledge.score(f).score);
        QVERIFY(panel->modelLabel()->text().contains(m_commercial.info().id));
        QVERIFY(panel->modelLabel()->text().contains(panel->asOf().toString(Qt::ISODate)));

        // Clearing forgets the score; showing a firm while the score tab is current scores it at once.
        profile.clear();
        QVERIFY(!panel->isComputed());
        QVERIFY(profile.showEnterprise(firmId));
        QVERIFY(panel->isComputed());
        QCOMPARE(panel->commercialResult()->score, expected.score);
    }

    void parkManagerSeesParkIndex()
    {
        const Core::User manager = demoUser(Core::Role::ParkManager);
        QVERIFY(!manager.parkId.isEmpty());
        Ui::MainWindow window(m_db, manager);
        QVERIFY(window.pages().contains(Ui::Navigation::Page::ParkIndex));
        QVERIFY(window.showPage(Ui::Navigation::Page::ParkIndex));
        auto *page = qobject_cast<Ui::ParkIndexPage *>(window.page(Ui::Navigation::Page::ParkIndex));
        QVERIFY(page);
        QVERIFY(!page->parkCombo()); // a manager sees only the own park
        page->activate();
        QVERIFY(page->isLoaded());
        const Scoring::ParkIndex::Result expected = independentIndex(manager.parkId, page->asOf());
        QVERIFY2(expected.ok, qPrintable(expected.error));
        checkPage(*page, expected);
    }

    void adminChoosesPark()
    {
        Ui::ParkIndexPage page(m_db, QString());
        QVERIFY(page.parkCombo());
        page.activate();
        // First entry: all parks, every firm of the store.
        QCOMPARE(page.parkId(), QString());
        QCOMPARE(page.result().firms, Store::EnterpriseRepository(m_db).count());
        checkPage(page, independentIndex({}, page.asOf()));
        // Choosing a park recomputes for that park only.
        QVERIFY(page.parkCombo()->count() >= 2);
        page.parkCombo()->setCurrentIndex(1);
        const QString park = page.parkId();
        QVERIFY(!park.isEmpty());
        QCOMPARE(page.result().firms, Store::EnterpriseRepository(m_db).count(park));
        checkPage(page, independentIndex(park, page.asOf()));
    }

private:
    Core::User demoUser(Core::Role role)
    {
        for (const Core::User &u : Store::UserRepository(m_db).users()) {
            if (u.role == role && !u.disabled)
                return u;
        }
        return {};
    }

    Scoring::FirmFeatures features(const Core::Enterprise &firm, const QDate &asOf)
    {
        const Store::FirmDataRepository data(m_db);
        return Scoring::FeatureExtractor::extract(firm, data.allSeries(firm.meta.id),
                                                  data.records(firm.meta.id), asOf);
    }

    QStringList firmIds(const QString &parkId)
    {
        QSqlQuery query(m_db.sql());
        query.prepare(u"SELECT id, park_id FROM enterprise WHERE deleted = 0 ORDER BY id"_s);
        QStringList ids;
        if (!query.exec())
            return ids;
        while (query.next()) {
            if (parkId.isEmpty() || query.value(1).toString() == parkId)
                ids.append(query.value(0).toString());
        }
        return ids;
    }

    /// ParkIndex::compute on inputs assembled here from the store, as docs/scoring.md defines them.
    Scoring::ParkIndex::Result independentIndex(const QString &parkId, const QDate &asOf)
    {
        QSet<QString> financed;
        for (const Core::Application &a : Store::ApplicationRepository(m_db).applications()) {
            using State = Core::Application::State;
            if (a.state == State::Approved || a.state == State::Disbursed || a.state == State::Settled)
                financed.insert(a.enterpriseId);
        }
        QVector<Scoring::ParkIndex::Firm> firms;
        m_expectedGrades = QVector<int>(9, 0);
        for (const QString &id : firmIds(parkId)) {
            const Core::Enterprise firm = *Store::EnterpriseRepository(m_db).byId(id);
            const Scoring::FirmFeatures f = features(firm, asOf);
            const Scoring::ScoreResult scored = m_commercial.score(f);
            using F = Scoring::FirmFeatures::Feature;
            Scoring::ParkIndex::Firm entry;
            entry.score = scored.score;
            entry.approvedLoan = financed.contains(id);
            entry.riskEvent
                = f.value(F::Penalties3y).value_or(0) >= 1 || f.value(F::DishonestNow).value_or(0) == 1;
            firms.append(entry);
            ++m_expectedGrades[Scoring::GradeScale::gradeNames().indexOf(scored.grade)];
        }
        return m_parkIndex.compute(firms);
    }

    void checkPage(const Ui::ParkIndexPage &page, const Scoring::ParkIndex::Result &expected)
    {
        const Scoring::ParkIndex::Result &shown = page.result();
        QVERIFY(shown.ok);
        QCOMPARE(shown.firms, expected.firms);
        QCOMPARE(shown.index, expected.index);
        QCOMPARE(shown.grade, expected.grade);
        QCOMPARE(shown.meanFirmScore, expected.meanFirmScore);
        QCOMPARE(shown.financingAccess, expected.financingAccess);
        QCOMPARE(shown.riskIncidence, expected.riskIncidence);
        // The three points add up to the index (ParkIndex's invariant, shown on the cards).
        QVERIFY(qAbs(shown.scorePoints + shown.accessPoints + shown.riskPoints - shown.index) < 1e-9);
        const QLocale locale;
        QCOMPARE(page.indexLabel()->text(), locale.toString(expected.index, 'f', 1));
        QCOMPARE(page.gradeLabel()->text(), expected.grade);
        QCOMPARE(page.scoreCard()->value(), locale.toString(expected.meanFirmScore, 'f', 3));
        // The chart: one bar per grade AAA … C, counts as scored here, summing to the firms.
        QCOMPARE(page.gradeCounts(), m_expectedGrades);
        QCOMPARE(page.barSet()->count(), 9);
        int total = 0;
        for (int i = 0; i < 9; ++i) {
            QCOMPARE(int(page.barSet()->at(i)), m_expectedGrades.at(i));
            total += m_expectedGrades.at(i);
        }
        QCOMPARE(total, expected.firms);
    }

    QTemporaryDir m_dir;
    Store::Database m_db;
    Scoring::Scorecard m_commercial;
    Scoring::ParkIndex m_parkIndex;
    QVector<int> m_expectedGrades;
};

QTEST_MAIN(TestGuiScore)
#include "tst_gui_score.moc"
