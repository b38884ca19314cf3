#include "report/reportlabels.h"

#include <QSet>
#include <QTest>

using XinDai::Report::ReportLabels;
using XinDai::Report::ReportLanguage;

class TestReportLabels : public QObject
{
    Q_OBJECT

private slots:
    void everyKeyHasBothTexts();
    void placeholders();
};

void TestReportLabels::everyKeyHasBothTexts()
{
    QSet<QString> chinese;
    for (int k = 0; k < int(ReportLabels::Key::KeyCount); ++k) {
        const auto key = ReportLabels::Key(k);
        const QString zh = ReportLabels::text(key, ReportLanguage::Chinese);
        const QString en = ReportLabels::text(key, ReportLanguage::English);
        // "?" is the fallback for a key missing from the table.
        QVERIFY2(!zh.isEmpty() && zh != QLatin1String("?"), qPrintable(QString::number(k)));
        QVERIFY2(!en.isEmpty() && en != QLatin1String("?"), qPrintable(QString::number(k)));
        // Every Chinese label contains at least one CJK ideograph, and none from the Kangxi radicals block
        // (those would extract wrongly from the PDF).
        bool hasHan = false;
        for (QChar c : zh) {
            QVERIFY2(c.unicode() < 0x2F00 || c.unicode() > 0x2FDF, qPrintable(zh));
            hasHan = hasHan || (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF);
        }
        QVERIFY2(hasHan, qPrintable(zh));
        chinese.insert(zh);
    }
    // Labels are distinct, so no key silently shows another key's text.
    QCOMPARE(chinese.size(), int(ReportLabels::Key::KeyCount));
}

void TestReportLabels::placeholders()
{
    using K = ReportLabels::Key;
    QCOMPARE(ReportLabels::text(K::Watermark, ReportLanguage::Chinese)
                 .arg(QStringLiteral("中国银行"), QStringLiteral("贷款审批")),
             QStringLiteral("仅供 中国银行 贷款审批 使用"));
    QCOMPARE(ReportLabels::text(K::PageOf, ReportLanguage::Chinese).arg(2).arg(7),
             QStringLiteral("第 2 / 7 页"));
    QCOMPARE(ReportLabels::text(K::PageOf, ReportLanguage::English).arg(2).arg(7),
             QStringLiteral("Page 2 / 7"));
    QCOMPARE(ReportLabels::text(K::Title, ReportLanguage::Chinese), QStringLiteral("企业综合信用报告"));
}

QTEST_GUILESS_MAIN(TestReportLabels)
#include "tst_reportlabels.moc"
