#include "demo/demogenerator.h"
#include "prereview/prereviewer.h"
#include "store/applicationrepository.h"
#include "store/database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace XinDai;

class TestPrereviewStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void loadByIdAndNumber();
    void unknownApplication();

private:
    QTemporaryDir m_dir;
    Store::Database m_db;
};

void TestPrereviewStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("demo.db"));
    Demo::DemoGenerator::Options options;
    options.firms = 12;
    options.passwordIterations = 0;
    QString error;
    QVERIFY2(Demo::DemoGenerator::createDatabase(path, options, &error), qPrintable(error));
    QVERIFY2(m_db.open(path, &error, Store::Database::OpenMode::MustExist), qPrintable(error));
}

void TestPrereviewStore::loadByIdAndNumber()
{
    const QVector<Core::Application> all = Store::ApplicationRepository(m_db).applications();
    // the demo's first eight firms hold one application in each state
    QVERIFY(all.size() >= 8);
    const QDate day(2026, 11, 20);
    for (const Core::Application &a : all) {
        QString error;
        const std::optional<Prereview::PrereviewInput> in
            = Prereview::Prereviewer::load(m_db, a.meta.id, day, &error);
        QVERIFY2(in, qPrintable(error));
        QCOMPARE(in->application.meta.id, a.meta.id);
        QCOMPARE(in->firm.enterprise.meta.id, a.enterpriseId);
        QCOMPARE(in->day, day);
        QVERIFY(in->product.has_value() == !a.productId.isEmpty());
        // only the firm's own files and this application's are looked at
        for (const Core::Document &d : in->documents) {
            QCOMPARE(d.enterpriseId, a.enterpriseId);
            QVERIFY(d.applicationId.isEmpty() || d.applicationId == a.meta.id);
        }
        for (const Core::Authorization &auth : in->authorizations)
            QCOMPARE(auth.enterpriseId, a.enterpriseId);

        // the number finds the same application, and review() equals run() on the loaded input
        QVERIFY(!a.number.isEmpty());
        const std::optional<Prereview::PrereviewResult> byNumber
            = Prereview::Prereviewer::review(m_db, a.number, day, Core::WorkCalendar::builtin(), &error);
        QVERIFY2(byNumber, qPrintable(error));
        const Prereview::PrereviewResult direct
            = Prereview::Prereviewer::run(*in, Core::WorkCalendar::builtin());
        QCOMPARE(byNumber->applicationId, a.meta.id);
        QCOMPARE(byNumber->passed, direct.passed);
        QCOMPARE(byNumber->findings.size(), direct.findings.size());
        // demo firms carry valid codes: the generator's USCCs never fail the check
        QVERIFY(byNumber->withCode(QStringLiteral("validity.uscc_invalid")).isEmpty());
    }
}

void TestPrereviewStore::unknownApplication()
{
    QString error;
    QVERIFY(
        !Prereview::Prereviewer::load(m_db, QStringLiteral("XD-1999-999999"), QDate(2026, 11, 20), &error));
    QCOMPARE(error, QStringLiteral("The application XD-1999-999999 does not exist in this store."));
}

QTEST_GUILESS_MAIN(TestPrereviewStore)
#include "tst_prereviewstore.moc"
