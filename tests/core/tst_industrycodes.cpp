#include "core/industrycodes.h"

#include <QTest>

using namespace Qt::StringLiterals;
using XinDai::Core::IndustryCodes;

class tst_IndustryCodes : public QObject
{
    Q_OBJECT

private slots:
    void completeness();
    void lookup_data();
    void lookup();
};

void tst_IndustryCodes::completeness()
{
    // GB/T 4754-2017 has 20 sections A–T (no gaps in the alphabet up to T) and 97 divisions numbered 01–97
    // without gaps, each section owning a consecutive run.
    const QStringList sections = IndustryCodes::sections();
    QCOMPARE(sections.size(), 20);
    for (int i = 0; i < 20; ++i)
        QCOMPARE(sections.at(i), QString(QChar(u'A' + i)));
    int next = 1;
    for (const QString &section : sections) {
        QVERIFY2(!IndustryCodes::name(section).isEmpty(), qPrintable(section));
        const QStringList divisions = IndustryCodes::divisions(section);
        QVERIFY2(!divisions.isEmpty(), qPrintable(section));
        for (const QString &division : divisions) {
            QCOMPARE(division, section + u"%1"_s.arg(next, 2, 10, QLatin1Char('0')));
            QVERIFY(!IndustryCodes::name(division).isEmpty());
            QCOMPARE(IndustryCodes::sectionOf(division.mid(1)), section);
            ++next;
        }
    }
    QCOMPARE(next - 1, 97);
    // Division counts per section from the standard: A 5, B 7, C 31 (13–43), … T 1.
    QCOMPARE(IndustryCodes::divisions(u"A"_s).size(), 5);
    QCOMPARE(IndustryCodes::divisions(u"C"_s).size(), 31);
    QCOMPARE(IndustryCodes::divisions(u"G"_s).size(), 8);
    QCOMPARE(IndustryCodes::divisions(u"S"_s).size(), 6);
    QCOMPARE(IndustryCodes::divisions(u"f"_s), (QStringList{u"F51"_s, u"F52"_s}));
    QVERIFY(IndustryCodes::divisions(u"U"_s).isEmpty());
}

void tst_IndustryCodes::lookup_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("division");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("known");

    QTest::newRow("section") << u"C"_s << u"C"_s << QString() << u"制造业"_s << true;
    QTest::newRow("lower-case section")
        << u" i "_s << u"I"_s << QString() << u"信息传输、软件和信息技术服务业"_s << true;
    QTest::newRow("division with letter")
        << u"C39"_s << u"C"_s << u"C39"_s << u"计算机、通信和其他电子设备制造业"_s << true;
    QTest::newRow("division digits") << u"39"_s << u"C"_s << u"C39"_s << u"计算机、通信和其他电子设备制造业"_s
                                     << true;
    QTest::newRow("first division") << u"01"_s << u"A"_s << u"A01"_s << u"农业"_s << true;
    QTest::newRow("last division") << u"T97"_s << u"T"_s << u"T97"_s << u"国际组织"_s << true;
    QTest::newRow("software") << u"I65"_s << u"I"_s << u"I65"_s << u"软件和信息技术服务业"_s << true;
    QTest::newRow("real estate") << u"K70"_s << u"K"_s << u"K70"_s << u"房地产业"_s << true;
    QTest::newRow("section boundary 43")
        << u"43"_s << u"C"_s << u"C43"_s << u"金属制品、机械和设备修理业"_s << true;
    QTest::newRow("section boundary 44")
        << u"44"_s << u"D"_s << u"D44"_s << u"电力、热力生产和供应业"_s << true;
    // Finer codes: section and division are derived, but groups/classes have no name in the data.
    QTest::newRow("class") << u"C3911"_s << u"C"_s << u"C39"_s << QString() << false;
    QTest::newRow("class digits") << u"7020"_s << u"K"_s << u"K70"_s << QString() << false;
    // The letter must agree with the division: 39 is manufacturing, not agriculture.
    QTest::newRow("letter mismatch") << u"A39"_s << QString() << QString() << QString() << false;
    QTest::newRow("no division 00") << u"00"_s << QString() << QString() << QString() << false;
    QTest::newRow("no division 98") << u"98"_s << QString() << QString() << QString() << false;
    QTest::newRow("unknown section") << u"U"_s << QString() << QString() << QString() << false;
    QTest::newRow("one digit") << u"3"_s << QString() << QString() << QString() << false;
    QTest::newRow("too long") << u"C39111"_s << QString() << QString() << QString() << false;
    QTest::newRow("garbage") << u"C3x"_s << QString() << QString() << QString() << false;
    QTest::newRow("empty") << QString() << QString() << QString() << QString() << false;
}

void tst_IndustryCodes::lookup()
{
    QFETCH(QString, code);
    QFETCH(QString, section);
    QFETCH(QString, division);
    QFETCH(QString, name);
    QFETCH(bool, known);
    QCOMPARE(IndustryCodes::sectionOf(code), section);
    QCOMPARE(IndustryCodes::divisionOf(code), division);
    QCOMPARE(IndustryCodes::name(code), name);
    QCOMPARE(IndustryCodes::isKnown(code), known);
}

QTEST_GUILESS_MAIN(tst_IndustryCodes)
#include "tst_industrycodes.moc"
