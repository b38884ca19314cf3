#pragma once

#include <QColor>
#include <QObject>
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <QTextObjectInterface>
#include <QVector>

namespace XinDai::Report::Internal {

/// One bar chart drawn as vector paths inside a QTextDocument (custom text object).
struct BarChart
{
    QString caption;
    QStringList categories;          ///< x labels, one per group
    QStringList seriesNames;         ///< legend, one per series
    QVector<QColor> colors;          ///< one per series
    QVector<QVector<double>> values; ///< [series][category], ≥ 0; NaN = no data
};

/// QTextObjectInterface that paints BarChart objects with QPainter paths (vectors in a PDF).
/// The chart index is the text format property ChartIndexProperty; size from ChartSizeProperty.
class ChartObject : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    static constexpr int ObjectType = QTextFormat::UserObject + 1;
    static constexpr int ChartIndexProperty = QTextFormat::UserProperty + 1;
    static constexpr int ChartSizeProperty = QTextFormat::UserProperty + 2;

    explicit ChartObject(QVector<BarChart> charts, QObject *parent = nullptr);

    QSizeF intrinsicSize(QTextDocument *doc, int posInDocument, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *doc, int posInDocument,
                    const QTextFormat &format) override;

private:
    QVector<BarChart> m_charts;
};

} // namespace XinDai::Report::Internal
