// The "Import data…" dialog end to end, offscreen, on a small generated demo store: a GBK (GB18030)
// firm roster with Chinese headers in a non-standard order and one unknown column goes through the
// mapping, a dry run that reports exactly its two invalid rows (nothing written), the export of the
// error report, and the import with "skip duplicates" (one firm added, the duplicate untouched). A
// series import cancelled from its progress report writes nothing. Also: files refused on the first
// step, mapping problems that block the next step, and who gets the menu action.

#include "common/importdialog.h"
#include "common/importerrormodel.h"
#include "core/uscc.h"
#include "demo/demogenerator.h"
#include "intake/csvparser.h"
#include "intake/errorreport.h"
#include "intake/textencoding.h"
#include "shell/mainwindow.h"
#include "store/database.h"
#include "store/enterpriserepository.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QStringEncoder>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace XinDai;
using namespace Qt::StringLiterals;
using Field = Intake::ColumnMapping::Field;
using Intake::ImportError;

Q_DECLARE_METATYPE(Intake::ImportResult)

namespace {

/// A valid USCC that the demo generator never produces: 91 (enterprise) + 430104 (岳麓区) + an
/// organisation code "XD" + 7 digits of \a n + the check character.
QString newUscc(int n)
{
    const QString first17 = u"91430104XD"_s + QStringLiteral("%1").arg(n, 7, 10, QLatin1Char('0'));
    return first17 + Core::Uscc::checkCharacter(first17);
}

QByteArray gbk(const QString &text)
{
    QStringEncoder encoder("GB18030");
    return encoder.encode(text);
}

} // namespace

class TestGuiImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    Store::Database m_db;
    const QDate m_today{2026, 11, 25};
    QString m_dupUscc;
    QString m_dupName;

    QString writeFile(const QString &name, const QByteArray &bytes) const
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }
    /// Every column of every row of \a table, ordered by id: equal snapshots = an unchanged table.
    QStringList snapshot(const QString &table) const
    {
        QSqlQuery q(m_db.sql());
        if (!q.exec(u"SELECT * FROM "_s + table + u" ORDER BY id"_s))
            return {u"query failed"_s};
        QStringList rows;
        while (q.next()) {
            QStringList cells;
            for (int i = 0; i < q.record().count(); ++i)
                cells.append(q.value(i).toString());
            rows.append(cells.join(u'|'));
        }
        return rows;
    }
    std::unique_ptr<Ui::ImportDialog> dialog()
    {
        auto d = std::make_unique<Ui::ImportDialog>(m_db);
        d->setToday(m_today);
        d->setOpenFileChooser({});
        d->setSaveFileChooser({});
        return d;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"demo.db"_s);
        Demo::DemoGenerator::Options options;
        options.firms = 20;
        options.passwordIterations = 0;
        QString error;
        QVERIFY2(Demo::DemoGenerator::createDatabase(m_path, options, &error), qPrintable(error));
        QVERIFY2(m_db.open(m_path, &error, Store::Database::OpenMode::MustExist), qPrintable(error));
        QSqlQuery q(m_db.sql());
        QVERIFY(q.exec(u"SELECT uscc, name FROM enterprise WHERE deleted = 0 ORDER BY uscc LIMIT 1"_s));
        QVERIFY(q.next());
        m_dupUscc = q.value(0).toString();
        m_dupName = q.value(1).toString();
        QVERIFY(!m_dupUscc.isEmpty());
        for (int n = 1; n <= 2; ++n)
            QVERIFY(!Store::EnterpriseRepository(m_db).byUscc(newUscc(n)));
    }

    void firmRosterEndToEnd()
    {
        const QString bad = newUscc(3).left(17) + (newUscc(3).endsWith(u'0') ? u'1' : u'0'); // wrong check
        // Columns in a non-standard order; 备注 (remarks) is not an import field.
        const QString csv = u"企业名称,备注,成立日期,统一社会信用代码,注册资本(万元),法定代表人\r\n"_s
                            + u"湘信测试科技有限公司,新客户,2020-05-01,"_s + newUscc(1) + u",500,王五\r\n"_s
                            + u"改了名字的公司,重复,2019-01-01,"_s + m_dupUscc + u",100,李四\r\n"_s
                            + u"坏代码有限公司,,2018-03-03,"_s + bad + u",50,赵六\r\n"_s
                            + u"未来有限公司,,2027-01-01,"_s + newUscc(2) + u",10,钱七\r\n"_s;
        const QByteArray bytes = gbk(csv);
        QVERIFY(!QString::fromUtf8(bytes).contains(u"企业")); // really not UTF-8
        const QString path = writeFile(u"roster-gbk.csv"_s, bytes);
        QVERIFY(!path.isEmpty());
        const QStringList firmsBefore = snapshot(u"enterprise"_s);
        const int countBefore = Store::EnterpriseRepository(m_db).count();

        auto d = dialog();
        QSignalSpy importedSpy(d.get(), &Ui::ImportDialog::imported);
        d->setOpenFileChooser([&] { return path; });
        QCOMPARE(d->step(), Ui::ImportDialog::Step::File);
        QVERIFY(!d->nextButton()->isEnabled()); // no file yet
        d->findChild<QPushButton *>(u"chooseFileButton"_s)->click();
        QCOMPARE(d->errorText(), QString());
        QCOMPARE(d->decodedEncoding(), Intake::TextEncoding::Encoding::Gb18030); // not valid UTF-8
        QCOMPARE(d->kind(), Intake::ColumnMapping::Kind::Firms);
        QVERIFY(d->nextButton()->isEnabled());
        d->nextButton()->click();
        QCOMPARE(d->step(), Ui::ImportDialog::Step::Mapping);

        // The mapping detected from the Chinese header, column by column; 备注 is ignored (-1).
        QCOMPARE(d->header(), (QStringList{u"企业名称"_s, u"备注"_s, u"成立日期"_s, u"统一社会信用代码"_s,
                                           u"注册资本(万元)"_s, u"法定代表人"_s}));
        const QList<int> expected{int(Field::Name),
                                  -1,
                                  int(Field::Established),
                                  int(Field::Uscc),
                                  int(Field::RegisteredCapitalWan),
                                  int(Field::LegalRep)};
        for (int c = 0; c < expected.size(); ++c)
            QCOMPARE(d->mappingCombo(c)->currentData().toInt(), expected.at(c));
        QCOMPARE(d->mappingCombo(1)->currentText(), u"(ignore this column)"_s);
        // A field can be chosen for any column: the Chinese name with the key.
        QCOMPARE(d->mappingCombo(1)->count(), 1 + 9);
        QCOMPARE(d->mappingCombo(1)->itemText(1), u"统一社会信用代码 (uscc)"_s);
        QCOMPARE(d->mappingProblem(), QString());
        QCOMPARE(d->mapping().column(Field::Uscc), 3);
        QCOMPARE(d->mapping().column(Field::Park), -1);
        // The preview holds the first rows as decoded from GBK.
        QCOMPARE(d->previewTable()->rowCount(), 4);
        QCOMPARE(d->previewTable()->item(0, 0)->text(), u"湘信测试科技有限公司"_s);
        QCOMPARE(d->previewTable()->item(3, 2)->text(), u"2027-01-01"_s);

        d->setOnDuplicate(Intake::CsvImporter::OnDuplicate::Skip);
        d->nextButton()->click(); // "Validate >"
        QCOMPARE(d->step(), Ui::ImportDialog::Step::Validation);
        const Intake::ImportResult &dry = d->validation();
        QVERIFY(dry.dryRun);
        QCOMPARE(dry.fatalError, QString());
        QCOMPARE(dry.imported, 1); // the new firm; the duplicate is skipped
        QCOMPARE(dry.skipped, 1);
        QCOMPARE(dry.rejected, 2);
        // Exactly the two invalid rows: data rows 3 and 4 (file lines 4 and 5, after the header), named
        // by the file's own column headers, with the importer's reasons.
        const QVector<ImportError> errors{
            {3, 4, u"统一社会信用代码"_s,
             u"The USCC “%1” is invalid: %2"_s.arg(bad, Core::Uscc::check(bad).reason)},
            {4, 5, u"成立日期"_s, u"The establishment date 2027-01-01 is in the future."_s},
        };
        QCOMPARE(dry.errors, errors);
        QAbstractItemModelTester tester(d->errorModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(d->errorModel()->rowCount(), 2);
        QCOMPARE(d->errorModel()->index(1, Ui::ImportErrorModel::RowColumn).data().toInt(), 4);
        QCOMPARE(d->errorModel()->index(1, Ui::ImportErrorModel::FileColumn).data().toString(),
                 u"成立日期"_s);
        QCOMPARE(
            d->validationText(),
            u"Checked without writing anything: 2 valid row(s) and 2 invalid row(s). 1 row(s) name a firm "
            "already stored and will be skipped. Invalid rows are never imported, not even in part; they "
            "are listed below."_s);
        QCOMPARE(d->importButton()->text(), u"&Import 1 valid row(s)"_s);
        QVERIFY(d->importButton()->isEnabled());
        // The dry run wrote nothing.
        QCOMPARE(snapshot(u"enterprise"_s), firmsBefore);
        QCOMPARE(importedSpy.count(), 0);

        // Export: cancelled chooser writes nothing; a path gets exactly ErrorReport's CSV of both errors.
        d->setSaveFileChooser([] { return QString(); });
        QVERIFY(!d->exportErrors());
        const QString reportPath = m_dir.filePath(u"errors.csv"_s);
        d->setSaveFileChooser([&] { return reportPath; });
        d->exportButton()->click();
        QFile report(reportPath);
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QByteArray exported = report.readAll();
        QCOMPARE(exported, Intake::ErrorReport::toCsv(errors));
        QVERIFY(exported.startsWith("\xEF\xBB\xBFrow,line,column,reason\r\n3,4,统一社会信用代码,"));

        // Confirm: one firm added, the duplicate left exactly as it was.
        const QString dupRowBefore
            = firmsBefore.filter(m_dupUscc).value(0); // the stored duplicate, every column
        QVERIFY(!dupRowBefore.isEmpty());
        d->importButton()->click();
        QCOMPARE(d->step(), Ui::ImportDialog::Step::Import);
        const Intake::ImportResult &r = d->result();
        QVERIFY(r.completed);
        QCOMPARE(r.imported, 1);
        QCOMPARE(r.updated, 0);
        QCOMPARE(r.skipped, 1);
        QCOMPARE(r.rejected, 2);
        QCOMPARE(r.errors, errors);
        QCOMPARE(d->progressBar()->value(), 1000);
        QCOMPARE(d->resultText(), u"Imported: 1 firms (of which 0 updated a stored firm). Skipped: 1 firms "
                                  "already stored. Rejected: 2 rows."_s);
        QCOMPARE(importedSpy.count(), 1);
        QCOMPARE(Store::EnterpriseRepository(m_db).count(), countBefore + 1);
        const auto added = Store::EnterpriseRepository(m_db).byUscc(newUscc(1));
        QVERIFY(added);
        QCOMPARE(added->name, u"湘信测试科技有限公司"_s);
        QCOMPARE(added->legalRep, u"王五"_s);
        QCOMPARE(added->established, QDate(2020, 5, 1));
        QCOMPARE(added->registeredCapital.fen(), qint64(500) * 10000 * 100); // 500 万元
        QVERIFY(!Store::EnterpriseRepository(m_db).byUscc(newUscc(2)));      // future date: never written
        QCOMPARE(snapshot(u"enterprise"_s).filter(m_dupUscc).value(0), dupRowBefore);
        QCOMPARE(Store::EnterpriseRepository(m_db).byUscc(m_dupUscc)->name, m_dupName);
        QVERIFY(d->closeButton()->isEnabled());
        QCOMPARE(d->closeButton()->text(), u"Close"_s);
    }

    void seriesCancelled()
    {
        // Three new monthly values for a stored firm, long before the demo's series start.
        QByteArray csv = "\xEF\xBB\xBFuscc,month,kind,value\n";
        for (int m = 1; m <= 3; ++m)
            csv += m_dupUscc.toUtf8() + ",2012-0" + QByteArray::number(m) + ",tax_paid,123.45\n";
        const QString path = writeFile(u"series.csv"_s, csv);
        const QStringList valuesBefore = snapshot(u"monthly_value"_s);
        QVERIFY(!valuesBefore.isEmpty());

        auto d = dialog();
        QSignalSpy importedSpy(d.get(), &Ui::ImportDialog::imported);
        d->setKind(Intake::ColumnMapping::Kind::Series);
        QVERIFY(d->openFile(path));
        QCOMPARE(d->decodedEncoding(), Intake::TextEncoding::Encoding::Utf8);
        QCOMPARE(d->header(), (QStringList{u"uscc"_s, u"month"_s, u"kind"_s, u"value"_s})); // BOM dropped
        QCOMPARE(d->mappingProblem(), QString());
        QVERIFY(d->validate());
        QCOMPARE(d->validation().imported, 3);
        QCOMPARE(d->validation().rejected, 0);
        QCOMPARE(d->importButton()->text(), u"&Import 3 valid row(s)"_s);
        QCOMPARE(snapshot(u"monthly_value"_s), valuesBefore);

        int reports = 0;
        d->setProgressObserver([&](qint64, qint64) {
            ++reports;
            // The Cancel button is offered while the import runs, and the dialog cannot be closed.
            QVERIFY(d->cancelButton()->isVisibleTo(d.get()));
            QVERIFY(!d->closeButton()->isEnabled());
            d->cancelButton()->click();
        });
        d->importButton()->click();
        QCOMPARE(reports, 1); // the importer stops at the first report after the click
        const Intake::ImportResult &r = d->result();
        QVERIFY(r.cancelled);
        QVERIFY(!r.completed);
        QCOMPARE(r.imported, 0);
        QCOMPARE(d->resultText(), u"The import was cancelled; nothing was written."_s);
        QCOMPARE(snapshot(u"monthly_value"_s), valuesBefore);
        QCOMPARE(importedSpy.count(), 0);
        QVERIFY(!d->cancelButton()->isVisibleTo(d.get()));
    }

    void refusedFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        // 0x80 and 0xFF start no UTF-8 sequence and no GB18030 character: the decoder's own reason.
        const QByteArray undecodable("uscc,name\n\x80\xFF\xFF\n");
        QTest::newRow("undecodable") << undecodable << Intake::TextEncoding::decode(undecodable).error;
        // Nothing but blank lines: no header.
        QTest::newRow("no header") << QByteArray("\n\n") << u"The file is empty: it has no header row."_s;
        // A quote left open in the header swallows the file: the parser's reason, with the line.
        const QByteArray quoting("\"uscc,name\n1,2\n");
        Intake::CsvRecord record;
        const QString text = QString::fromUtf8(quoting);
        Intake::CsvParser(text).next(&record);
        QVERIFY(!record.error.isEmpty());
        QTest::newRow("broken quoting")
            << quoting << u"The header row (line 1) cannot be read: "_s + record.error;
    }
    void refusedFiles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const QStringList firmsBefore = snapshot(u"enterprise"_s);
        const QString path = writeFile(u"refused.csv"_s, bytes);
        auto d = dialog();
        QVERIFY(!d->openFile(path));
        QCOMPARE(d->errorText(), reason);
        QVERIFY(d->header().isEmpty());
        QVERIFY(!d->nextButton()->isEnabled()); // the mapping step stays out of reach
        QVERIFY(!d->validate());
        QCOMPARE(snapshot(u"enterprise"_s), firmsBefore);
        // A missing file is refused too, naming the file.
        QVERIFY(!d->openFile(m_dir.filePath(u"missing.csv"_s)));
        QVERIFY(d->errorText().startsWith(u"The file missing.csv cannot be read: "_s));
    }

    void mappingProblemsBlock()
    {
        const QString path
            = writeFile(u"plain.csv"_s, "uscc,name,remark\n" + newUscc(5).toUtf8() + ",某公司,x\n");
        auto d = dialog();
        QVERIFY(d->openFile(path));
        d->nextButton()->click();
        QCOMPARE(d->step(), Ui::ImportDialog::Step::Mapping);
        QVERIFY(d->nextButton()->isEnabled());
        // Unmapping the USCC names it and blocks "Validate".
        d->mappingCombo(0)->setCurrentIndex(0);
        QCOMPARE(d->mappingProblem(),
                 u"These required fields are not mapped to any column: 统一社会信用代码 (uscc)."_s);
        QVERIFY(!d->nextButton()->isEnabled());
        QVERIFY(!d->validate());
        // The name chosen for a second column: reported as mapped twice (and the USCC still missing).
        d->mappingCombo(2)->setCurrentIndex(d->mappingCombo(2)->findData(int(Field::Name)));
        QCOMPARE(
            d->mappingProblem(),
            u"These required fields are not mapped to any column: 统一社会信用代码 (uscc). These fields are "
            "mapped to more than one column: 企业名称 (name)."_s);
        // Back to a complete mapping; switching the kind re-detects for series (3 of 4 required missing).
        d->mappingCombo(0)->setCurrentIndex(d->mappingCombo(0)->findData(int(Field::Uscc)));
        d->mappingCombo(2)->setCurrentIndex(0);
        QCOMPARE(d->mappingProblem(), QString());
        QVERIFY(d->nextButton()->isEnabled());
        d->setKind(Intake::ColumnMapping::Kind::Series);
        QCOMPARE(d->mappingProblem(),
                 u"These required fields are not mapped to any column: 月份 (month), 指标 "
                 "(kind), 数值 (value)."_s);
    }

    void menuAction_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<bool>("offered");
        // Window staff, park managers and admins import rosters; bank officers only read their inbox.
        QTest::newRow("window staff") << int(Core::Role::WindowStaff) << true;
        QTest::newRow("park manager") << int(Core::Role::ParkManager) << true;
        QTest::newRow("admin") << int(Core::Role::Admin) << true;
        QTest::newRow("bank officer") << int(Core::Role::BankOfficer) << false;
    }
    void menuAction()
    {
        QFETCH(int, role);
        QFETCH(bool, offered);
        Core::User user;
        user.role = Core::Role(role);
        user.login = u"test"_s;
        user.displayName = u"测试"_s;
        Ui::MainWindow window(m_db, user);
        QCOMPARE(window.findChild<QAction *>(u"importDataAction"_s) != nullptr, offered);
    }
};

QTEST_MAIN(TestGuiImport)
#include "tst_gui_import.moc"
