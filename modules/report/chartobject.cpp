#include "report/chartobject_p.h"

#include <QPainter>
#include <QPainterPath>
#include <QTextDocument>

#include <cmath>

namespace XinDai::Report::Internal {

namespace {

/// Smallest "nice" axis maximum (1, 2, 2.5, 5 × 10^n) ≥ \a value.
double niceMaximum(double value)
{
    if (value <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (step * magnitude >= value)
            return step * magnitude;
    }
    return 10 * magnitude;
}

} // namespace

ChartObject::ChartObject(QVector<BarChart> charts, QObject *parent)
    : QObject(parent)
    , m_charts(std::move(charts))
{}

QSizeF ChartObject::intrinsicSize(QTextDocument *, int, const QTextFormat &format)
{
    return format.property(ChartSizeProperty).toSizeF();
}

void ChartObject::drawObject(QPainter *painter, const QRectF &rect, QTextDocument *doc, int,
                             const QTextFormat &format)
{
    const int index = format.intProperty(ChartIndexProperty);
    if (index < 0 || index >= m_charts.size())
        return;
    const BarChart &chart = m_charts.at(index);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont font = doc->defaultFont();
    font.setPointSizeF(font.pointSizeF() * 0.8);
    painter->setFont(font);
    const QFontMetricsF fm(font, painter->device());
    const double lineH = fm.height();

    // Caption and legend on top, y labels left, x labels below.
    painter->setPen(Qt::black);
    painter->drawText(QRectF(rect.left(), rect.top(), rect.width(), lineH), Qt::AlignLeft | Qt::AlignVCenter,
                      chart.caption);
    double lx = rect.left() + rect.width() * 0.55;
    for (int s = 0; s < chart.seriesNames.size(); ++s) {
        QPainterPath swatch;
        swatch.addRect(QRectF(lx, rect.top() + lineH * 0.2, lineH * 0.6, lineH * 0.6));
        painter->fillPath(swatch, chart.colors.value(s, Qt::gray));
        painter->drawText(QPointF(lx + lineH * 0.8, rect.top() + fm.ascent()), chart.seriesNames.at(s));
        lx += lineH * 1.2 + fm.horizontalAdvance(chart.seriesNames.at(s)) + lineH;
    }

    double maxValue = 0;
    for (const auto &series : chart.values) {
        for (double v : series) {
            if (!std::isnan(v))
                maxValue = std::max(maxValue, v);
        }
    }
    const double axisMax = niceMaximum(maxValue);
    const QString maxLabel = QString::number(axisMax, 'g', 6);
    const double left = rect.left() + fm.horizontalAdvance(maxLabel) + lineH * 0.5;
    const QRectF plot(left, rect.top() + lineH * 1.6, rect.right() - left - lineH * 0.3,
                      rect.height() - lineH * 3.2);

    // Grid: 4 intervals.
    QPen gridPen(QColor(190, 190, 190));
    gridPen.setWidthF(lineH * 0.04);
    for (int i = 0; i <= 4; ++i) {
        const double y = plot.bottom() - plot.height() * i / 4.0;
        QPainterPath line;
        line.moveTo(plot.left(), y);
        line.lineTo(plot.right(), y);
        painter->strokePath(line, gridPen);
        const QString label = QString::number(axisMax * i / 4.0, 'g', 6);
        painter->drawText(QRectF(rect.left(), y - lineH / 2, left - rect.left() - lineH * 0.2, lineH),
                          Qt::AlignRight | Qt::AlignVCenter, label);
    }

    const int groups = int(chart.categories.size());
    const int seriesCount = int(chart.values.size());
    if (groups > 0 && seriesCount > 0) {
        const double groupW = plot.width() / groups;
        const double barW = groupW * 0.8 / seriesCount;
        for (int s = 0; s < seriesCount; ++s) {
            QPainterPath bars;
            for (int g = 0; g < groups && g < chart.values.at(s).size(); ++g) {
                const double v = chart.values.at(s).at(g);
                if (std::isnan(v) || v <= 0)
                    continue;
                const double h = plot.height() * std::min(v / axisMax, 1.0);
                bars.addRect(
                    QRectF(plot.left() + g * groupW + groupW * 0.1 + s * barW, plot.bottom() - h, barW, h));
            }
            painter->fillPath(bars, chart.colors.value(s, Qt::gray));
        }
        const int every = groups > 12 ? 3 : 1;
        for (int g = 0; g < groups; g += every) {
            painter->drawText(
                QRectF(plot.left() + g * groupW - groupW, plot.bottom() + lineH * 0.2, groupW * 3, lineH),
                Qt::AlignHCenter | Qt::AlignTop, chart.categories.at(g));
        }
    }
    QPen axisPen(Qt::black);
    axisPen.setWidthF(lineH * 0.06);
    QPainterPath axes;
    axes.moveTo(plot.topLeft());
    axes.lineTo(plot.bottomLeft());
    axes.lineTo(plot.bottomRight());
    painter->strokePath(axes, axisPen);
    painter->restore();
}

} // namespace XinDai::Report::Internal
