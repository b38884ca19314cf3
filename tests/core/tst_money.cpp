#include "core/money.h"

#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using XinDai::Core::Money;
using Unit = Money::Unit;

Q_DECLARE_METATYPE(Money::Unit)

class tst_Money : public QObject
{
    Q_OBJECT

private slots:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void formatZh_data();
    void formatZh();
    void formatEn_data();
    void formatEn();
    void percentBp_data();
    void percentBp();
    void roundTrip();
};

void tst_Money::parseValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Unit>("defaultUnit");
    QTest::addColumn<qint64>("fen");

    // 1234.56 元 = 123456 fen: 100 fen per yuan.
    QTest::newRow("plain") << u"1234.56"_s << Unit::Yuan << qint64(123456);
    QTest::newRow("grouped") << u"1,234.56"_s << Unit::Yuan << qint64(123456);
    QTest::newRow("yen prefix") << u"¥1,234.56"_s << Unit::Yuan << qint64(123456);
    QTest::newRow("full-width yen") << u"￥1,234.56"_s << Unit::Yuan << qint64(123456);
    QTest::newRow("yuan suffix") << u"1234.56元"_s << Unit::Yuan << qint64(123456);
    // 12.5 万 = 125000 元 = 12,500,000 fen.
    QTest::newRow("wan") << u"12.5万"_s << Unit::Yuan << qint64(12500000);
    QTest::newRow("wan yuan") << u"12.5万元"_s << Unit::Yuan << qint64(12500000);
    // 3 亿 = 300,000,000 元 = 3 × 10^10 fen.
    QTest::newRow("yi yuan") << u"3亿元"_s << Unit::Yuan << qint64(30000000000LL);
    // 1.2 亿 = 120,000,000 元; a space before the unit is allowed.
    QTest::newRow("yi with space") << u"1.2 亿"_s << Unit::Yuan << qint64(12000000000LL);
    QTest::newRow("CNY prefix") << u"CNY 1,000"_s << Unit::Yuan << qint64(100000);
    QTest::newRow("cny lower case") << u"cny1000"_s << Unit::Yuan << qint64(100000);
    QTest::newRow("RMB prefix") << u"RMB 5"_s << Unit::Yuan << qint64(500);
    QTest::newRow("negative") << u"-5.00"_s << Unit::Yuan << qint64(-500);
    QTest::newRow("sign after symbol") << u"¥-5"_s << Unit::Yuan << qint64(-500);
    QTest::newRow("explicit plus") << u"+7"_s << Unit::Yuan << qint64(700);
    // Full-width digits, comma and point (typed with a Chinese IME) are the same characters.
    QTest::newRow("full-width") << u"１，２３４．５６元"_s << Unit::Yuan << qint64(123456);
    QTest::newRow("ideographic space") << u"\u30001.2\u3000亿"_s << Unit::Yuan << qint64(12000000000LL);
    // Without a suffix the default unit applies: 12.5 in 万 = 12,500,000 fen.
    QTest::newRow("default wan") << u"12.5"_s << Unit::Wan << qint64(12500000);
    QTest::newRow("default yi") << u"0.5"_s << Unit::Yi << qint64(5000000000LL);
    // A suffix overrides the default unit.
    QTest::newRow("suffix beats default") << u"100元"_s << Unit::Wan << qint64(10000);
    QTest::newRow("auto means yuan") << u"100"_s << Unit::Auto << qint64(10000);
    // 0.000001 万 = 0.01 元 = 1 fen, the finest 万 amount that is still whole fen.
    QTest::newRow("one fen in wan") << u"0.000001万"_s << Unit::Yuan << qint64(1);
    // 0.0000000001 亿 = 1 fen.
    QTest::newRow("one fen in yi") << u"0.0000000001亿"_s << Unit::Yuan << qint64(1);
    // Trailing zeros beyond the fen are exact, hence accepted.
    QTest::newRow("trailing zeros") << u"1.230"_s << Unit::Yuan << qint64(123);
    QTest::newRow("zero") << u"0"_s << Unit::Yuan << qint64(0);
    QTest::newRow("leading zeros") << u"007.10"_s << Unit::Yuan << qint64(710);
    QTest::newRow("one decimal") << u"0.5"_s << Unit::Yuan << qint64(50);
    QTest::newRow("surrounding spaces") << u"  42 元 "_s << Unit::Yuan << qint64(4200);
    // qint64 max = 9,223,372,036,854,775,807 fen = 92,233,720,368,547,758.07 元: the largest amount.
    QTest::newRow("max") << u"92233720368547758.07"_s << Unit::Yuan << std::numeric_limits<qint64>::max();
    QTest::newRow("max negative") << u"-92233720368547758.07"_s << Unit::Yuan
                                  << -std::numeric_limits<qint64>::max();
}

void tst_Money::parseValid()
{
    QFETCH(QString, text);
    QFETCH(Unit, defaultUnit);
    QFETCH(qint64, fen);
    const Money::ParseResult r = Money::parse(text, defaultUnit);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.value.fen(), fen);
    QVERIFY(r.error.isEmpty());
}

void tst_Money::parseInvalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reasonFragment");

    QTest::newRow("empty") << QString() << u"empty"_s;
    QTest::newRow("blank") << u"   "_s << u"empty"_s;
    QTest::newRow("letters") << u"abc"_s << u"character \"a\""_s;
    QTest::newRow("only symbol") << u"¥"_s << u"no digits"_s;
    QTest::newRow("only unit") << u"万元"_s << u"no digits"_s;
    QTest::newRow("two points") << u"1.2.3"_s << u"more than one decimal point"_s;
    // 1.234 元 would be 123.4 fen: sub-fen precision.
    QTest::newRow("sub-fen yuan") << u"1.234"_s << u"more precise than one fen"_s;
    // 0.0000001 万 = 0.001 元: sub-fen.
    QTest::newRow("sub-fen wan") << u"0.0000001万"_s << u"more precise than one fen"_s;
    QTest::newRow("sub-fen yi") << u"0.00000000001亿"_s << u"more precise than one fen"_s;
    // Groups after a comma need exactly three digits.
    QTest::newRow("short group") << u"1,23.45"_s << u"thousands separator"_s;
    QTest::newRow("long group") << u"1,2345"_s << u"thousands separator"_s;
    QTest::newRow("leading comma") << u",123"_s << u"thousands separator"_s;
    QTest::newRow("long first group") << u"1234,567"_s << u"thousands separator"_s;
    QTest::newRow("double comma") << u"1,,234"_s << u"thousands separator"_s;
    QTest::newRow("comma in fraction") << u"1.234,5"_s << u"after the decimal point"_s;
    // One fen more than qint64 max.
    QTest::newRow("overflow by one fen") << u"92233720368547758.08"_s << u"too large"_s;
    QTest::newRow("overflow digits") << u"99999999999999999999999"_s << u"too large"_s;
    // 1 亿亿 = 10^16 元 fits; 10^9 亿 = 10^19 fen does not.
    QTest::newRow("overflow yi") << u"1000000000亿"_s << u"too large"_s;
    QTest::newRow("two signs") << u"--5"_s << u"more than one sign"_s;
    QTest::newRow("sign at end") << u"5-"_s << u"sign"_s;
    QTest::newRow("no integer digit") << u".5"_s << u"before the decimal point"_s;
    QTest::newRow("no fraction digit") << u"5."_s << u"after the decimal point"_s;
    QTest::newRow("inner space") << u"1 234"_s << u"character \" \""_s;
    QTest::newRow("unit twice") << u"5万万"_s << u"character \"万\""_s;
    QTest::newRow("other currency") << u"$5"_s << u"character \"$\""_s;
    QTest::newRow("exponent") << u"1e5"_s << u"character \"e\""_s;
}

void tst_Money::parseInvalid()
{
    QFETCH(QString, text);
    QFETCH(QString, reasonFragment);
    const Money::ParseResult r = Money::parse(text);
    QVERIFY(!r.ok);
    QCOMPARE(r.value.fen(), qint64(0));
    QVERIFY2(r.error.contains(reasonFragment), qPrintable(r.error));
    // The message quotes what the user typed, so they can find it in a form.
    if (!text.trimmed().isEmpty())
        QVERIFY2(r.error.contains(text.trimmed()), qPrintable(r.error));
}

void tst_Money::formatZh_data()
{
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<Unit>("unit");
    QTest::addColumn<QString>("expected");

    QTest::newRow("yuan") << qint64(123456) << Unit::Yuan << u"1,234.56元"_s;
    QTest::newRow("yuan zero") << qint64(0) << Unit::Yuan << u"0.00元"_s;
    QTest::newRow("yuan one fen") << qint64(1) << Unit::Yuan << u"0.01元"_s;
    QTest::newRow("yuan negative") << qint64(-123456) << Unit::Yuan << u"-1,234.56元"_s;
    QTest::newRow("yuan million") << qint64(123456789012) << Unit::Yuan << u"1,234,567,890.12元"_s;
    // 123,456 元 = 12.3456 万 → 12.35 (…56 rounds up).
    QTest::newRow("wan") << qint64(12345600) << Unit::Wan << u"12.35万元"_s;
    // 123,450 元 = 12.345 万: exactly half, away from zero → 12.35; negative → -12.35.
    QTest::newRow("wan half up") << qint64(12345000) << Unit::Wan << u"12.35万元"_s;
    QTest::newRow("wan half negative") << qint64(-12345000) << Unit::Wan << u"-12.35万元"_s;
    // 123,449.99 元 = 12.344999 万 → 12.34 (below half).
    QTest::newRow("wan below half") << qint64(12344999) << Unit::Wan << u"12.34万元"_s;
    // 49.99 元 = 0.004999 万 → 0.00, and -49.99 元 shows no "-0.00".
    QTest::newRow("wan rounds to zero") << qint64(-4999) << Unit::Wan << u"0.00万元"_s;
    // 12,345,678 万 = 1.23 × 10^11 元: grouping applies to the 万 figure too.
    QTest::newRow("wan grouped") << qint64(12345678) * 1000000 << Unit::Wan << u"12,345,678.00万元"_s;
    // 120,000,000 元 = 1.2 亿 → "1.20亿元".
    QTest::newRow("yi") << qint64(12000000000LL) << Unit::Yi << u"1.20亿元"_s;
    // 1.005 亿 = 100,500,000 元: half → 1.01.
    QTest::newRow("yi half") << qint64(10050000000LL) << Unit::Yi << u"1.01亿元"_s;
    // Auto: below 1 万 stays 元; from 1 万 (10^6 fen) 万; from 1 亿 (10^10 fen) 亿.
    QTest::newRow("auto yuan") << qint64(999999) << Unit::Auto << u"9,999.99元"_s;
    QTest::newRow("auto wan") << qint64(1000000) << Unit::Auto << u"1.00万元"_s;
    QTest::newRow("auto wan below yi") << qint64(9999999999LL) << Unit::Auto << u"10,000.00万元"_s;
    QTest::newRow("auto yi") << qint64(10000000000LL) << Unit::Auto << u"1.00亿元"_s;
    QTest::newRow("auto negative wan") << qint64(-2500000) << Unit::Auto << u"-2.50万元"_s;
    QTest::newRow("max") << std::numeric_limits<qint64>::max() << Unit::Yuan
                         << u"92,233,720,368,547,758.07元"_s;
    QTest::newRow("min") << std::numeric_limits<qint64>::min() << Unit::Yuan
                         << u"-92,233,720,368,547,758.08元"_s;
}

void tst_Money::formatZh()
{
    QFETCH(qint64, fen);
    QFETCH(Unit, unit);
    QFETCH(QString, expected);
    QCOMPARE(Money::fromFen(fen).format(unit, QLocale(QLocale::Chinese, QLocale::China)), expected);
}

void tst_Money::formatEn_data()
{
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<Unit>("unit");
    QTest::addColumn<QString>("expected");

    QTest::newRow("yuan") << qint64(12350000) << Unit::Yuan << u"CNY 123,500.00"_s;
    QTest::newRow("yuan small") << qint64(123456) << Unit::Yuan << u"CNY 1,234.56"_s;
    QTest::newRow("yuan negative") << qint64(-5) << Unit::Yuan << u"CNY -0.05"_s;
    // 12.35 万 = 123,500 元 = 0.1235 million → 0.12.
    QTest::newRow("wan as million") << qint64(12350000) << Unit::Wan << u"CNY 0.12 million"_s;
    // 125,000 元 = 0.125 million: half → 0.13.
    QTest::newRow("million half") << qint64(12500000) << Unit::Wan << u"CNY 0.13 million"_s;
    // 1.2 亿 = 120 million.
    QTest::newRow("yi as million") << qint64(12000000000LL) << Unit::Yi << u"CNY 120.00 million"_s;
    QTest::newRow("billions") << qint64(123456789000000LL) << Unit::Yi << u"CNY 1,234,567.89 million"_s;
    // Auto in English: below 1 million yuan (10^8 fen) full yuan, from there millions.
    QTest::newRow("auto below million") << qint64(99999999) << Unit::Auto << u"CNY 999,999.99"_s;
    QTest::newRow("auto million") << qint64(100000000) << Unit::Auto << u"CNY 1.00 million"_s;
    QTest::newRow("auto negative") << qint64(-250000000) << Unit::Auto << u"CNY -2.50 million"_s;
}

void tst_Money::formatEn()
{
    QFETCH(qint64, fen);
    QFETCH(Unit, unit);
    QFETCH(QString, expected);
    QCOMPARE(Money::fromFen(fen).format(unit, QLocale(QLocale::English, QLocale::UnitedStates)), expected);
}

void tst_Money::percentBp_data()
{
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<int>("bp");
    QTest::addColumn<qint64>("expected");

    // 1,000,000 元 × 3.85 % (385 bp) = 38,500 元 = 3,850,000 fen exactly.
    QTest::newRow("loan interest") << qint64(100000000) << 385 << qint64(3850000);
    // 1 fen × 5000 bp (50 %) = 0.5 fen: half away from zero → 1.
    QTest::newRow("half up") << qint64(1) << 5000 << qint64(1);
    QTest::newRow("half away negative") << qint64(-1) << 5000 << qint64(-1);
    // 1 fen × 4999 bp = 0.4999 fen → 0.
    QTest::newRow("below half") << qint64(1) << 4999 << qint64(0);
    // 3 fen × 5000 bp = 1.5 → 2; -3 → -2.
    QTest::newRow("one and a half") << qint64(3) << 5000 << qint64(2);
    QTest::newRow("negative bp") << qint64(3) << -5000 << qint64(-2);
    // 12,345 fen × 1 bp = 1.2345 fen → 1.
    QTest::newRow("one bp") << qint64(12345) << 1 << qint64(1);
    // 10000 bp = 100 %: identity.
    QTest::newRow("hundred percent") << qint64(987654321) << 10000 << qint64(987654321);
    QTest::newRow("zero bp") << qint64(987654321) << 0 << qint64(0);
    // 19,999 fen × 2.5 % = 499.975 → 500.
    QTest::newRow("mixed q and r") << qint64(19999) << 250 << qint64(500);
    // A large amount: 9 × 10^17 fen × 1 % = 9 × 10^15 — the product 9 × 10^19 would overflow qint64.
    QTest::newRow("no intermediate overflow")
        << qint64(900000000000000000LL) << 100 << qint64(9000000000000000LL);
}

void tst_Money::percentBp()
{
    QFETCH(qint64, fen);
    QFETCH(int, bp);
    QFETCH(qint64, expected);
    QCOMPARE(Money::fromFen(fen).percentBp(bp).fen(), expected);
}

void tst_Money::roundTrip()
{
    // Formatting in 元 and parsing back is lossless in both locales, for awkward values too.
    const QLocale zh(QLocale::Chinese, QLocale::China);
    const QLocale en(QLocale::English, QLocale::UnitedStates);
    const qint64 values[]
        = {0, 1, -1, 99, 100, 123456, -987654321, 1000000, std::numeric_limits<qint64>::max()};
    for (qint64 fen : values) {
        const Money m = Money::fromFen(fen);
        for (const QLocale &locale : {zh, en}) {
            const QString text = m.format(Unit::Yuan, locale);
            const Money::ParseResult r = Money::parse(text);
            QVERIFY2(r.ok, qPrintable(text + u' ' + r.error));
            QCOMPARE(r.value, m);
        }
    }
    for (qint64 fen : values) {
        const Money::ParseResult r = Money::parse(Money::fromFen(fen).toDecimalString());
        QVERIFY(r.ok);
        QCOMPARE(r.value.fen(), fen);
    }
    // The machine form: no grouping, two decimals, sign only when negative.
    QCOMPARE(Money::fromFen(-123456789).toDecimalString(), u"-1234567.89"_s);
    QCOMPARE(Money::fromFen(5).toDecimalString(), u"0.05"_s);
    QCOMPARE(Money().toDecimalString(), u"0.00"_s);
    QCOMPARE(Money::fromFen(std::numeric_limits<qint64>::min()).toDecimalString(),
             u"-92233720368547758.08"_s);
    QCOMPARE(Money::fromYi(2).fen(), qint64(20000000000LL));
    QCOMPARE(Money::fromWan(3), Money::fromYuan(30000));
    QCOMPARE(-Money::fromYuan(1), Money::fromFen(-100));
}

QTEST_GUILESS_MAIN(tst_Money)
#include "tst_money.moc"
