#include "core/uscc.h"
#include "intake/columnmapping.h"
#include "intake/csvimporter.h"
#include "intake/csvparser.h"
#include "intake/errorreport.h"
#include "intake/textencoding.h"
#include "store/database.h"
#include "store/enterpriserepository.h"
#include "store/firmdatarepository.h"
#include "store/referencerepository.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace XinDai;
using namespace Qt::StringLiterals;
using Intake::ColumnMapping;
using Intake::CsvImporter;
using Intake::ImportError;
using Intake::TextEncoding;

namespace {

/// A valid USCC: 91 (market regulation, enterprise) + 430104 (岳麓区) + a 9-character organisation code
/// built from \a n + the check character.
QString uscc(int n)
{
    const QString first17 = QStringLiteral("91430104") + QStringLiteral("%1").arg(n, 9, 10, QLatin1Char('0'));
    return first17 + Core::Uscc::checkCharacter(first17);
}

const QByteArray firmHeader = "统一社会信用代码,企业名称,法定代表人,成立日期,注册资本(万元),行业代码,"
                              "行政区划代码,所属园区,从业人数\n";

} // namespace

class TestIntake : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store::Database> m_db;
    int m_dbCount = 0;
    const QDate m_today{2026, 11, 25};

    CsvImporter::Options firmOptions(CsvImporter::OnDuplicate dup = CsvImporter::OnDuplicate::Update) const
    {
        CsvImporter::Options o;
        o.kind = ColumnMapping::Kind::Firms;
        o.onDuplicate = dup;
        o.today = m_today;
        return o;
    }
    CsvImporter::Options seriesOptions() const
    {
        CsvImporter::Options o;
        o.kind = ColumnMapping::Kind::Series;
        o.today = m_today;
        return o;
    }
    int count(const QString &table) const
    {
        QSqlQuery q(m_db->sql());
        if (!q.exec(QStringLiteral("SELECT count(*) FROM ") + table) || !q.next())
            return -1;
        return q.value(0).toInt();
    }
    /// Stores 3 firms uscc(1..3) so that series can name them.
    void seedFirms()
    {
        QByteArray csv = firmHeader;
        for (int i = 1; i <= 3; ++i)
            csv += uscc(i).toUtf8() + ",测试企业" + QByteArray::number(i)
                   + "有限公司,张三,2020-01-01,100,C39,430104,CS-HTZ,10\n";
        const Intake::ImportResult r = CsvImporter(*m_db).importBytes(csv, firmOptions());
        QVERIFY2(r.completed && r.imported == 3, qPrintable(r.fatalError));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<Store::Database>();
        QString error;
        QVERIFY2(m_db->open(m_dir.filePath(QStringLiteral("t%1.db").arg(++m_dbCount)), &error),
                 qPrintable(error));
        Core::Park park;
        park.code = QStringLiteral("CS-HTZ");
        park.name = QStringLiteral("长沙高新技术产业开发区");
        park.regionCode = QStringLiteral("430104");
        park.level = QStringLiteral("国家级");
        QVERIFY(Store::ReferenceRepository(*m_db).save(park, &error));
    }
    void cleanup() { m_db.reset(); }

    void encoding_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("requested");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("used");
        QTest::addColumn<bool>("bom");
        const QString text = QStringLiteral("企业名称,数值\n湖南湘江新材料有限公司,1\n");
        const QByteArray utf8 = text.toUtf8();
        QStringEncoder gbk("GB18030");
        const QByteArray gbBytes = gbk.encode(text);
        const int autoE = int(TextEncoding::Encoding::Auto), u8 = int(TextEncoding::Encoding::Utf8),
                  gb = int(TextEncoding::Encoding::Gb18030);
        // Valid UTF-8 is taken as UTF-8.
        QTest::newRow("utf8") << utf8 << autoE << true << u8 << false;
        // The BOM is recognised and dropped.
        QTest::newRow("utf8 bom") << (QByteArray("\xEF\xBB\xBF") + utf8) << autoE << true << u8 << true;
        // GBK bytes of Chinese text are not valid UTF-8 (lead bytes 0x81-0xFE followed by ASCII-range or
        // 0x40-0xFE trail bytes), so auto falls back to GB18030.
        QTest::newRow("gbk auto") << gbBytes << autoE << true << gb << false;
        // Forcing UTF-8 on GBK bytes is an error, not mojibake.
        QTest::newRow("gbk forced utf8") << gbBytes << u8 << false << autoE << false;
        // Forcing GB18030 works.
        QTest::newRow("gbk forced gb18030") << gbBytes << gb << true << gb << false;
        // 0x81 followed by a space is neither UTF-8 nor GB18030 (a GB lead byte needs a trail byte
        // 0x30-0x39 or 0x40-0xFE): refused rather than read with replacement characters.
        QTest::newRow("neither") << QByteArray("a,\x81 b\n") << autoE << false << autoE << false;
    }
    void encoding()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, requested);
        QFETCH(bool, ok);
        QFETCH(int, used);
        QFETCH(bool, bom);
        const int u8 = int(TextEncoding::Encoding::Utf8);
        QVERIFY(QStringEncoder("GB18030").isValid());
        const TextEncoding::Decoded d = TextEncoding::decode(bytes, TextEncoding::Encoding(requested));
        QCOMPARE(d.ok, ok);
        if (!ok) {
            QCOMPARE(d.error, requested == u8
                                  ? QStringLiteral("The file is not valid UTF-8 text; choose the encoding "
                                                   "GB18030 if it was saved by Chinese Excel.")
                                  : QStringLiteral("The file's encoding is not recognised: it is neither "
                                                   "UTF-8 nor GB18030 (GBK) text."));
            return;
        }
        QCOMPARE(int(d.used), used);
        QCOMPARE(d.hadBom, bom);
        QCOMPARE(d.text, QStringLiteral("企业名称,数值\n湖南湘江新材料有限公司,1\n"));
    }

    void parser_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("records"); // fields joined by '|'
        QTest::addColumn<QList<int>>("lines");
        QTest::addColumn<QStringList>("errors");
        // Plain fields, LF and CRLF line ends, a trailing empty field.
        QTest::newRow("plain") << QStringLiteral("a,b\r\nc,\n") << QStringList{u"a|b"_s, u"c|"_s}
                               << QList<int>{1, 2} << QStringList{QString(), QString()};
        // RFC 4180: quotes protect commas, doubled quotes are one quote.
        QTest::newRow("quoted") << QStringLiteral("\"a,1\",\"say \"\"hi\"\"\"\n")
                                << QStringList{u"a,1|say \"hi\""_s} << QList<int>{1}
                                << QStringList{QString()};
        // An embedded CRLF becomes LF; the next record starts on file line 3.
        QTest::newRow("embedded newline")
            << QStringLiteral("\"x\r\ny\",2\nz,3") << QStringList{u"x\ny|2"_s, u"z|3"_s} << QList<int>{1, 3}
            << QStringList{QString(), QString()};
        // Blank lines are skipped but still counted as file lines.
        QTest::newRow("blank lines") << QStringLiteral("a\n\n\nb\n") << QStringList{u"a"_s, u"b"_s}
                                     << QList<int>{1, 4} << QStringList{QString(), QString()};
        // A quote inside an unquoted field is broken quoting; the parser resumes on the next line.
        QTest::newRow("quote in unquoted")
            << QStringLiteral("ab\"c,d\ne,f\n") << QStringList{u"ab"_s, u"e|f"_s} << QList<int>{1, 2}
            << QStringList{
                   u"Line 1 has a double quote inside the unquoted field 1; enclose the field in quotes and "
                   "double the quote."_s,
                   QString()};
        // Text after a closing quote.
        QTest::newRow("text after quote")
            << QStringLiteral("x,\"ab\"c,d\ne\n") << QStringList{u"x|ab"_s, u"e"_s} << QList<int>{1, 2}
            << QStringList{
                   u"Line 1 has text after the closing double quote of field 2; a quote inside a quoted "
                   "field must be doubled."_s,
                   QString()};
        // An unclosed quote swallows the rest of the text and is reported with the line it opened on.
        QTest::newRow("unclosed") << QStringLiteral("a\n\"open,1\nb,2\n")
                                  << QStringList{u"a"_s, u"open,1\nb,2\n"_s} << QList<int>{1, 2}
                                  << QStringList{QString(),
                                                 u"The quoted field opened on line 2 is never closed: a "
                                                 "double quote is missing."_s};
    }
    void parser()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, records);
        QFETCH(QList<int>, lines);
        QFETCH(QStringList, errors);
        Intake::CsvParser parser(text);
        Intake::CsvRecord r;
        QStringList got;
        QList<int> gotLines;
        QStringList gotErrors;
        while (parser.next(&r)) {
            got.append(r.fields.join(u'|'));
            gotLines.append(r.line);
            gotErrors.append(r.error);
        }
        QCOMPARE(got, records);
        QCOMPARE(gotLines, lines);
        QCOMPARE(gotErrors, errors);
        QCOMPARE(parser.position(), text.size());
    }

    void mapping()
    {
        // Chinese with full-width parentheses and an English header in another order map the same fields.
        const ColumnMapping zh
            = ColumnMapping::detect(ColumnMapping::Kind::Firms,
                                    {u"统一社会信用代码"_s, u"企业名称"_s, u"注册资本（万元）"_s, u"备注"_s});
        QCOMPARE(zh.column(ColumnMapping::Field::Uscc), 0);
        QCOMPARE(zh.column(ColumnMapping::Field::RegisteredCapitalWan), 2);
        QCOMPARE(zh.column(ColumnMapping::Field::Region), -1); // not in the file
        QVERIFY(zh.missingRequired().isEmpty());
        const ColumnMapping en = ColumnMapping::detect(ColumnMapping::Kind::Series,
                                                       {u"Value"_s, u"kind"_s, u" USCC "_s, u"month"_s});
        QCOMPARE(en.column(ColumnMapping::Field::Uscc), 2);
        QCOMPARE(en.column(ColumnMapping::Field::Value), 0);
        QVERIFY(en.missingRequired().isEmpty());
        // A series file without 数值/value cannot be imported.
        const ColumnMapping partial
            = ColumnMapping::detect(ColumnMapping::Kind::Series, {u"uscc"_s, u"月份"_s, u"指标"_s});
        QCOMPARE(partial.missingRequired(), QVector<ColumnMapping::Field>{ColumnMapping::Field::Value});
    }

    void firmErrors_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("reason");
        const QString good = uscc(7);
        const QString badCheck = good.left(17) + (good.endsWith(u'0') ? u'1' : u'0');
        // Returns a QByteArray, not a QStringBuilder that would refer to the temporary toUtf8().
        const auto row = [](const QString &u, const char *rest) -> QByteArray {
            return u.toUtf8() + rest;
        };
        // Wrong check character: the core's reason is quoted in full.
        QTest::newRow("uscc check") << row(badCheck, ",甲公司,张三,2020-01-01,100,C39,430104,CS-HTZ,10")
                                    << u"统一社会信用代码"_s
                                    << (u"The USCC “"_s + badCheck + u"” is invalid: "_s
                                        + Core::Uscc::check(badCheck).reason);
        QTest::newRow("name missing") << row(good, ",,张三,2020-01-01,100,C39,430104,CS-HTZ,10")
                                      << u"企业名称"_s << u"The firm name is missing."_s;
        // 430199 is not a GB/T 2260 code.
        QTest::newRow("region") << row(good, ",甲公司,张三,2020-01-01,100,C39,430199,CS-HTZ,10")
                                << u"行政区划代码"_s
                                << u"The region code “430199” is not a known GB/T 2260 code."_s;
        // February has no 30th.
        QTest::newRow("date") << row(good, ",甲公司,张三,2020-02-30,100,C39,430104,CS-HTZ,10")
                              << u"成立日期"_s
                              << u"The establishment date “2020-02-30” is not a date written YYYY-MM-DD."_s;
        // Today is 2026-11-25 in these tests.
        QTest::newRow("future date") << row(good, ",甲公司,张三,2026-11-26,100,C39,430104,CS-HTZ,10")
                                     << u"成立日期"_s
                                     << u"The establishment date 2026-11-26 is in the future."_s;
        QTest::newRow("negative capital")
            << row(good, ",甲公司,张三,2020-01-01,-5,C39,430104,CS-HTZ,10") << u"注册资本(万元)"_s
            << u"The registered capital “-5” is negative; it must be zero or more."_s;
        QTest::newRow("unknown park")
            << row(good, ",甲公司,张三,2020-01-01,100,C39,430104,NOPARK,10") << u"所属园区"_s
            << u"The park “NOPARK” is not known to this store (give its code or full name)."_s;
        // Division 99 does not exist in GB/T 4754-2017 (the last is 97).
        QTest::newRow("industry") << row(good, ",甲公司,张三,2020-01-01,100,99,430104,CS-HTZ,10")
                                  << u"行业代码"_s
                                  << u"The industry code “99” is not a GB/T 4754-2017 section or division."_s;
        QTest::newRow("employees")
            << row(good, ",甲公司,张三,2020-01-01,100,C39,430104,CS-HTZ,-3") << u"从业人数"_s
            << u"The number of employees “-3” is not a whole number of zero or more."_s;
    }
    void firmErrors()
    {
        QFETCH(QByteArray, row);
        QFETCH(QString, column);
        QFETCH(QString, reason);
        // One good row first: it must be imported although the second row is rejected.
        const QByteArray csv
            = firmHeader + uscc(1).toUtf8() + ",好公司,李四,2019-05-01,50,C39,430104,CS-HTZ,3\n" + row + "\n";
        const Intake::ImportResult r = CsvImporter(*m_db).importBytes(csv, firmOptions());
        QVERIFY2(r.completed, qPrintable(r.fatalError));
        QCOMPARE(r.imported, 1);
        QCOMPARE(r.rejected, 1);
        QCOMPARE(r.errors, (QVector<ImportError>{{2, 3, column, reason}}));
        QCOMPARE(Store::EnterpriseRepository(*m_db).count(), 1);
    }

    void ownParkOnly()
    {
        // Window staff of park CS-HTZ import with ownPark set. Another park is in the store, with one
        // firm of its own (imported by an administrator, without ownPark).
        QString error;
        Core::Park other;
        other.code = QStringLiteral("ZZ-GXQ");
        other.name = QStringLiteral("株洲高新技术产业开发区");
        other.regionCode = QStringLiteral("430211");
        other.level = QStringLiteral("国家级");
        QVERIFY(Store::ReferenceRepository(*m_db).save(other, &error));
        QVERIFY(CsvImporter(*m_db)
                    .importBytes(firmHeader + uscc(4).toUtf8()
                                     + ",株洲企业有限公司,王五,2019-05-01,50,C39,430211,"
                                       "ZZ-GXQ,3\n",
                                 firmOptions())
                    .completed);
        QString ownId;
        for (const Core::Park &p : Store::ReferenceRepository(*m_db).parks()) {
            if (p.code == u"CS-HTZ"_s)
                ownId = p.meta.id;
        }
        QVERIFY(!ownId.isEmpty());

        CsvImporter::Options o = firmOptions();
        o.ownPark = ownId;
        const QByteArray csv = firmHeader
                               // 1: own park: imported.
                               + uscc(1).toUtf8()
                               + ",好公司,李四,2019-05-01,50,C39,430104,CS-HTZ,3\n"
                               // 2: another park named: refused in the park column.
                               + uscc(2).toUtf8()
                               + ",甲公司,张三,2020-01-01,100,C39,430211,ZZ-GXQ,10\n"
                               // 3: no park given: the firm is put in the importer's park.
                               + uscc(3).toUtf8()
                               + ",乙公司,张三,2020-01-01,100,C39,430104,,10\n"
                               // 4: the stored firm of the other park: refused, not moved, not changed.
                               + uscc(4).toUtf8() + ",改名有限公司,王五,2019-05-01,50,C39,430104,,3\n";
        const Intake::ImportResult r = CsvImporter(*m_db).importBytes(csv, o);
        QVERIFY2(r.completed, qPrintable(r.fatalError));
        QCOMPARE(r.imported, 2);
        QCOMPARE(r.rejected, 2);
        QCOMPARE(
            r.errors,
            (QVector<ImportError>{
                {2, 3, u"所属园区"_s,
                 u"The park “ZZ-GXQ” is not your park: you may import only the firms of your own park."_s},
                {4, 5, u"统一社会信用代码"_s,
                 u"The firm "_s + uscc(4)
                     + u" is registered in another park: only that park's staff may change it."_s}}));
        Store::EnterpriseRepository firms(*m_db);
        QCOMPARE(firms.byUscc(uscc(1))->parkId, ownId);
        QVERIFY(!firms.byUscc(uscc(2)));
        QCOMPARE(firms.byUscc(uscc(3))->parkId, ownId);
        QCOMPARE(firms.byUscc(uscc(4))->name, u"株洲企业有限公司"_s);
        QVERIFY(firms.byUscc(uscc(4))->parkId != ownId);
    }

    void columnCountAndQuoting()
    {
        const QByteArray csv
            = firmHeader + uscc(1).toUtf8() + ",甲公司,张三\n"                             // too few fields
              + uscc(2).toUtf8() + ",\"乙\"公司\",张三,2020-01-01,1,C39,430104,CS-HTZ,1\n" // broken quoting
              + uscc(3).toUtf8()
              + ",\"丙公司\n（长沙）\",张三,2020-01-01,1,C39,430104,CS-HTZ,1\n"; // embedded newline
        const Intake::ImportResult r = CsvImporter(*m_db).importBytes(csv, firmOptions());
        QVERIFY2(r.completed, qPrintable(r.fatalError));
        QCOMPARE(r.imported, 1);
        QCOMPARE(r.rejected, 2);
        QCOMPARE(r.errors, (QVector<ImportError>{
                               {1, 2, QString(), u"The row has 3 fields but the header has 9 columns."_s},
                               {2, 3, QString(),
                                u"Line 3 has text after the closing double quote of field 2; a quote inside "
                                u"a quoted field must be "
                                "doubled."_s}}));
        const auto firm = Store::EnterpriseRepository(*m_db).byUscc(uscc(3));
        QVERIFY(firm);
        QCOMPARE(firm->name, u"丙公司\n（长沙）"_s);
    }

    void gbkAndBomFiles()
    {
        const QString text
            = QString::fromUtf8(firmHeader) + uscc(1)
              + u",湖南湘江新材料有限公司,王五,2018-03-08,500,C39,430104,长沙高新技术产业开发区,88\r\n"_s;
        QStringEncoder gbk("GB18030");
        const QByteArray gbBytes = gbk.encode(text);
        QVERIFY(!gbBytes.contains("湖南")); // really not UTF-8
        Intake::ImportResult r = CsvImporter(*m_db).importBytes(gbBytes, firmOptions());
        QVERIFY2(r.completed, qPrintable(r.fatalError));
        QCOMPARE(r.encoding, TextEncoding::Encoding::Gb18030);
        QCOMPARE(r.imported, 1);
        auto firm = Store::EnterpriseRepository(*m_db).byUscc(uscc(1));
        QVERIFY(firm);
        QCOMPARE(firm->name, u"湖南湘江新材料有限公司"_s);
        QCOMPARE(firm->registeredCapital, Core::Money::fromWan(500));
        QCOMPARE(firm->established, QDate(2018, 3, 8));
        QCOMPARE(firm->employees, 88);
        QCOMPARE(firm->industryCode, u"C39"_s);
        QVERIFY(!firm->parkId.isEmpty()); // found by the park's full name

        // A BOM file (English headers): the BOM must not end up in the first header cell.
        const QByteArray bom = QByteArray("\xEF\xBB\xBF") + "uscc,name\n" + uscc(2).toUtf8() + ",乙公司\n";
        r = CsvImporter(*m_db).importBytes(bom, firmOptions());
        QVERIFY2(r.completed, qPrintable(r.fatalError));
        QCOMPARE(r.imported, 1);
        QCOMPARE(r.mapping.column(ColumnMapping::Field::Uscc), 0);
    }

    void mappingOverride()
    {
        // "税号" is no known header: detection leaves the USCC unmapped, the caller maps it by hand.
        const QByteArray csv = "税号,企业名称\n" + uscc(4).toUtf8() + ",丁公司\n";
        QString error;
        std::optional<ColumnMapping> mapping = CsvImporter::detectMapping(
            csv, ColumnMapping::Kind::Firms, TextEncoding::Encoding::Auto, &error);
        QVERIFY(mapping);
        QCOMPARE(mapping->missingRequired(), QVector<ColumnMapping::Field>{ColumnMapping::Field::Uscc});
        mapping->setColumn(ColumnMapping::Field::Uscc, 0);
        CsvImporter::Options options = firmOptions();
        options.mapping = mapping;
        const Intake::ImportResult r = CsvImporter(*m_db).importBytes(csv, options);
        QVERIFY2(r.completed, qPrintable(r.fatalError));
        QCOMPARE(r.imported, 1);
        QCOMPARE(Store::EnterpriseRepository(*m_db).byUscc(uscc(4))->name, u"丁公司"_s);
    }

    void missingColumnIsFatal()
    {
        const Intake::ImportResult r
            = CsvImporter(*m_db).importBytes("企业名称,成立日期\n甲,2020-01-01\n", firmOptions());
        QVERIFY(!r.completed);
        QCOMPARE(r.fatalError, u"The header lacks the required column(s) 统一社会信用代码/uscc."_s);
        QCOMPARE(Store::EnterpriseRepository(*m_db).count(), 0);
    }

    void duplicates_data()
    {
        QTest::addColumn<bool>("skip");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("imported");
        QTest::addColumn<int>("skipped");
        // Update: the second file's name replaces the stored one; the legal representative, absent from
        // the second file, stays.
        QTest::newRow("update") << false << u"新名称有限公司"_s << 1 << 0;
        // Skip: the stored firm is untouched and the row is counted as skipped, not rejected.
        QTest::newRow("skip") << true << u"旧名称有限公司"_s << 0 << 1;
    }
    void duplicates()
    {
        QFETCH(bool, skip);
        QFETCH(QString, name);
        QFETCH(int, imported);
        QFETCH(int, skipped);
        CsvImporter importer(*m_db);
        QCOMPARE(importer
                     .importBytes("uscc,name,legal_rep\n" + uscc(5).toUtf8() + ",旧名称有限公司,赵六\n",
                                  firmOptions())
                     .imported,
                 1);
        const QString id = Store::EnterpriseRepository(*m_db).byUscc(uscc(5))->meta.id;
        const Intake::ImportResult r = importer.importBytes(
            "uscc,name\n" + uscc(5).toLower().toUtf8() + ",新名称有限公司\n",
            firmOptions(skip ? CsvImporter::OnDuplicate::Skip : CsvImporter::OnDuplicate::Update));
        QCOMPARE(r.imported, imported);
        QCOMPARE(r.skipped, skipped);
        QCOMPARE(r.rejected, 0);
        const auto firm = Store::EnterpriseRepository(*m_db).byUscc(uscc(5));
        QCOMPARE(firm->name, name);
        QCOMPARE(firm->meta.id, id); // same firm, never a second one
        QCOMPARE(firm->legalRep, u"赵六"_s);
        QCOMPARE(Store::EnterpriseRepository(*m_db).count(), 1);
    }

    void seriesErrors_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("reason");
        // uscc(9) is valid but was never imported.
        QTest::newRow("firm not found")
            << (uscc(9).toUtf8() + ",2025-01,tax_paid,1.00") << u"uscc"_s
            << (u"No firm with the USCC "_s + uscc(9) + u" is in the store; import the firm roster first."_s);
        QTest::newRow("month format") << (uscc(1).toUtf8() + ",2025/1,tax_paid,1.00") << u"month"_s
                                      << u"The month “2025/1” is not written YYYY-MM (e.g. 2025-03)."_s;
        QTest::newRow("month 13") << (uscc(1).toUtf8() + ",2025-13,tax_paid,1.00") << u"month"_s
                                  << u"The month “2025-13” is not written YYYY-MM (e.g. 2025-03)."_s;
        QTest::newRow("future month") << (uscc(1).toUtf8() + ",2026-12,tax_paid,1.00") << u"month"_s
                                      << u"The month 2026-12 is in the future."_s;
        QTest::newRow("unknown kind")
            << (uscc(1).toUtf8() + ",2025-01,profit,1.00") << u"kind"_s
            << u"The kind of series “profit” is not known; use tax_paid, social_insured, "
               "housing_fund, electricity, bank_inflow or bank_outflow."_s;
        // Headcounts are whole numbers.
        QTest::newRow("count decimal")
            << (uscc(1).toUtf8() + ",2025-01,社保缴纳人数,3.5") << u"value"_s
            << u"The value “3.5” of 社保缴纳人数 is not a whole number of zero or more."_s;
        QTest::newRow("negative money")
            << (uscc(1).toUtf8() + ",2025-01,tax_paid,-1.00") << u"value"_s
            << u"The value “-1.00” of tax_paid is negative; it must be zero or more."_s;
        // Money::parse refuses precision finer than one fen; its reason is appended.
        QTest::newRow("sub-fen") << (uscc(1).toUtf8() + ",2025-01,tax_paid,1.234") << u"value"_s
                                 << (u"The value “1.234” of tax_paid is not an amount in yuan: "_s
                                     + Core::Money::parse(u"1.234"_s).error);
    }
    void seriesErrors()
    {
        QFETCH(QByteArray, row);
        QFETCH(QString, column);
        QFETCH(QString, reason);
        seedFirms();
        const QByteArray csv
            = "uscc,month,kind,value\n" + uscc(2).toUtf8() + ",2025-01,纳税额,1234.5\n" + row + "\n";
        const Intake::ImportResult r = CsvImporter(*m_db).importBytes(csv, seriesOptions());
        QVERIFY(r.completed);
        QCOMPARE(r.imported, 1);
        QCOMPARE(r.rejected, 1);
        QCOMPARE(r.errors, (QVector<ImportError>{{2, 3, column, reason}}));
        const auto firm = Store::EnterpriseRepository(*m_db).byUscc(uscc(2));
        const auto values
            = Store::FirmDataRepository(*m_db).series(firm->meta.id, Core::MonthlyValue::Kind::TaxPaid);
        QCOMPARE(values.size(), 1);
        QCOMPARE(values.first().value, 123450); // 1234.5 元 = 123450 fen
        QCOMPARE(values.first().month, QDate(2025, 1, 1));
    }

    void reimportIsIdempotent()
    {
        seedFirms();
        const QByteArray csv = "uscc,month,kind,value\n" + uscc(1).toUtf8() + ",2025-01,electricity,5000\n"
                               + uscc(1).toUtf8() + ",2025-02,bank_inflow,10.01\n";
        const auto snapshot = [this] {
            QSqlQuery q(m_db->sql());
            q.exec(QStringLiteral(
                "SELECT id, kind, month, value, updated_at FROM monthly_value ORDER BY kind, month"));
            QStringList rows;
            while (q.next())
                rows.append(q.value(0).toString() + q.value(1).toString() + q.value(2).toString()
                            + q.value(3).toString() + q.value(4).toString());
            return rows;
        };
        CsvImporter importer(*m_db);
        QCOMPARE(importer.importBytes(csv, seriesOptions()).imported, 2);
        const QStringList first = snapshot();
        QCOMPARE(first.size(), 2);
        // Same file again: same rows, same ids, not even updated_at changes (unchanged rows are not
        // rewritten).
        QCOMPARE(importer.importBytes(csv, seriesOptions()).imported, 2);
        QCOMPARE(snapshot(), first);
        // The firm file too.
        QByteArray firms
            = firmHeader + uscc(1).toUtf8() + ",测试企业1有限公司,张三,2020-01-01,100,C39,430104,CS-HTZ,10\n";
        const auto before = Store::EnterpriseRepository(*m_db).byUscc(uscc(1));
        QCOMPARE(importer.importBytes(firms, firmOptions()).imported, 1);
        QCOMPARE(Store::EnterpriseRepository(*m_db).byUscc(uscc(1))->meta.updatedAt, before->meta.updatedAt);
        QCOMPARE(Store::EnterpriseRepository(*m_db).count(), 3);
    }

    void sameKeyTwiceAndProgress()
    {
        seedFirms();
        // The same firm, kind and month twice: the later row (row 2) wins, both rows count as imported.
        QByteArray csv = "uscc,month,kind,value\n" + uscc(1).toUtf8() + ",2025-03,housing_fund,1.00\n"
                         + uscc(1).toUtf8() + ",2025-03,公积金,2.00\n";
        for (int i = 0; i < 3000; ++i) // enough rows for intermediate progress reports
            csv += uscc(2).toUtf8() + ",2025-0" + QByteArray::number(1 + i % 9) + ",electricity,"
                   + QByteArray::number(i) + "\n";
        QList<qint64> done;
        qint64 total = -1;
        const Intake::ImportResult r
            = CsvImporter(*m_db).importBytes(csv, seriesOptions(), [&](qint64 d, qint64 t) {
                  done.append(d);
                  total = t;
                  return true;
              });
        QVERIFY(r.completed);
        QCOMPARE(r.imported, 3002);
        const auto firm = Store::EnterpriseRepository(*m_db).byUscc(uscc(1));
        const auto values
            = Store::FirmDataRepository(*m_db).series(firm->meta.id, Core::MonthlyValue::Kind::HousingFund);
        QCOMPARE(values.size(), 1);
        QCOMPARE(values.first().value, 200);
        // Progress only moves forward and ends with done == total.
        QVERIFY(done.size() >= 3);
        QVERIFY(std::is_sorted(done.begin(), done.end()));
        QCOMPARE(done.last(), total);
    }

    void cancelWritesNothing()
    {
        seedFirms();
        QByteArray csv = "uscc,month,kind,value\n";
        for (int i = 0; i < 5000; ++i)
            csv += uscc(1 + i % 3).toUtf8() + ",20" + QByteArray::number(10 + i / 12 % 15) + "-"
                   + QByteArray::number(101 + i % 12).right(2) + ",tax_paid," + QByteArray::number(i)
                   + ".00\n";
        int calls = 0;
        const Intake::ImportResult r
            = CsvImporter(*m_db).importBytes(csv, seriesOptions(), [&](qint64, qint64) {
                  return ++calls
                         < 2; // cancel at the second report, after 2048 rows were written in the transaction
              });
        QVERIFY(r.cancelled);
        QVERIFY(!r.completed);
        QCOMPARE(r.imported, 0);
        QCOMPARE(count(u"monthly_value"_s), 0);
        // The firms from before the import are still there.
        QCOMPARE(count(u"enterprise"_s), 3);
    }

    void dryRun_data()
    {
        QTest::addColumn<bool>("series");
        // A firm roster: one stored firm changed (an update), one new firm, one row with a missing name.
        QTest::newRow("firms") << false;
        // Monthly series: two valid values for stored firms and one for a firm the store does not know.
        QTest::newRow("series") << true;
    }
    void dryRun()
    {
        QFETCH(bool, series);
        seedFirms();
        const QByteArray csv
            = series ? QByteArray("uscc,month,kind,value\n" + uscc(1).toUtf8() + ",2025-01,tax_paid,10.00\n"
                                  + uscc(2).toUtf8() + ",2025-01,tax_paid,20.00\n" + uscc(8).toUtf8()
                                  + ",2025-01,tax_paid,30.00\n")
                     : QByteArray("uscc,name\n" + uscc(1).toUtf8() + ",改名有限公司\n" + uscc(9).toUtf8()
                                  + ",新企业有限公司\n" + uscc(10).toUtf8() + ",\n");
        CsvImporter::Options options = series ? seriesOptions() : firmOptions();
        options.dryRun = true;
        const Intake::ImportResult dry = CsvImporter(*m_db).importBytes(csv, options);
        QVERIFY(dry.dryRun);
        QVERIFY(!dry.completed); // nothing committed
        QVERIFY(dry.fatalError.isEmpty());
        QCOMPARE(dry.imported, 2);
        QCOMPARE(dry.updated, series ? 0 : 1); // only a firm row can change a stored firm
        QCOMPARE(dry.rejected, 1);
        QCOMPARE(dry.errors.size(), 1);
        QCOMPARE(dry.errors.first().row, 3);
        // The third row is refused for its firm: unknown to the store (series) or without a name (firms).
        QCOMPARE(dry.errors.first().column, series ? u"uscc"_s : u"name"_s);
        // The store is exactly as before: 3 seeded firms, the first with its old name, no values.
        QCOMPARE(count(u"enterprise"_s), 3);
        QCOMPARE(count(u"monthly_value"_s), 0);
        QCOMPARE(Store::EnterpriseRepository(*m_db).byUscc(uscc(1))->name, u"测试企业1有限公司"_s);
        // The real import then reports exactly what the dry run announced.
        options.dryRun = false;
        const Intake::ImportResult real = CsvImporter(*m_db).importBytes(csv, options);
        QVERIFY(real.completed);
        QVERIFY(!real.dryRun);
        QCOMPARE(real.imported, dry.imported);
        QCOMPARE(real.updated, dry.updated);
        QCOMPARE(real.rejected, dry.rejected);
        QCOMPARE(real.errors, dry.errors);
        QCOMPARE(count(u"enterprise"_s), series ? 3 : 4);
        QCOMPARE(count(u"monthly_value"_s), series ? 2 : 0);
    }

    void errorReport()
    {
        const QByteArray csv = Intake::ErrorReport::toCsv(
            {{2, 3, u"企业名称"_s, u"The firm name is missing."_s}, {4, 5, QString(), u"a, \"b\""_s}});
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        QCOMPARE(
            QString::fromUtf8(csv.mid(3)),
            u"row,line,column,reason\r\n2,3,企业名称,The firm name is missing.\r\n4,5,,\"a, \"\"b\"\"\"\r\n"_s);
        const QString path = m_dir.filePath(u"errors.csv"_s);
        QString error;
        QVERIFY(Intake::ErrorReport::writeCsv(path, {}, &error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("\xEF\xBB\xBFrow,line,column,reason\r\n"));
    }

    void series100k()
    {
        // 100,000 firms' worth of rows would need as many firms; 1,000 firms × 100 rows is the same load
        // on the parser, the validation and the upsert.
        QByteArray firms = "uscc,name\n";
        for (int i = 0; i < 1000; ++i)
            firms += uscc(100 + i).toUtf8() + ",企业" + QByteArray::number(i) + "\n";
        CsvImporter importer(*m_db);
        QCOMPARE(importer.importBytes(firms, firmOptions()).imported, 1000);
        QByteArray csv = "统一社会信用代码,月份,指标,数值\n";
        csv.reserve(6 * 1024 * 1024);
        const char *kinds[]
            = {"tax_paid", "social_insured", "housing_fund", "electricity", "bank_inflow", "bank_outflow"};
        int rows = 0;
        for (int f = 0; f < 1000; ++f) {
            const QByteArray u = uscc(100 + f).toUtf8();
            for (int k = 0; k < 6; ++k) {
                for (int m = 0; m < 17 - (k < 4 ? 0 : 1) && rows < 100000; ++m, ++rows) {
                    csv += u + ",20" + QByteArray::number(24 + m / 12) + "-"
                           + QByteArray::number(101 + m % 12).right(2) + "," + kinds[k] + ","
                           + QByteArray::number(f * 7 + m) + (k == 1 || k == 3 ? "" : ".50") + "\n";
                }
            }
        }
        QCOMPARE(rows, 100000);
        QElapsedTimer timer;
        timer.start();
        const Intake::ImportResult r = importer.importBytes(csv, seriesOptions());
        const qint64 ms = timer.elapsed();
        QVERIFY2(r.completed, qPrintable(r.fatalError));
        QCOMPARE(r.rejected, 0);
        QCOMPARE(r.imported, 100000);
        QCOMPARE(count(u"monthly_value"_s), 100000);
        qInfo("100000 series rows imported in %lld ms", ms);
    }
};

QTEST_GUILESS_MAIN(TestIntake)
#include "tst_intake.moc"
