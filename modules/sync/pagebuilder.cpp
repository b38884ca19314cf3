#include "sync/pagebuilder.h"

#include "security/crypto.h"
#include "sync/canonicaljson.h"

#include <algorithm>

namespace XinDai::Sync {

QByteArray PageBuilder::key(const QString &name)
{
    QByteArray out;
    CanonicalJson::appendString(name, out);
    out.append(':');
    return out;
}

void PageBuilder::reserve(qsizetype rows, qsizetype bytesPerRow)
{
    m_rows.reserve(size_t(rows));
    m_bytes.reserve(rows * bytesPerRow);
}

void PageBuilder::beginRow(QStringView entity, bool deleted)
{
    // Row keys in code-point order: deleted, entity, fields, id, updatedAt, version.
    m_rowStart = m_bytes.size();
    m_bytes.append(deleted ? "{\"deleted\":true,\"entity\":" : "{\"deleted\":false,\"entity\":");
    CanonicalJson::appendString(entity, m_bytes);
    m_bytes.append(",\"fields\":{");
    m_firstField = true;
}

void PageBuilder::separator()
{
    if (!m_firstField)
        m_bytes.append(',');
    m_firstField = false;
}

void PageBuilder::nullField(const QByteArray &key)
{
    separator();
    m_bytes.append(key);
    m_bytes.append("null");
}

void PageBuilder::integerField(const QByteArray &key, qint64 value)
{
    separator();
    m_bytes.append(key);
    CanonicalJson::appendInteger(value, m_bytes);
}

void PageBuilder::boolField(const QByteArray &key, bool value)
{
    separator();
    m_bytes.append(key);
    m_bytes.append(value ? "true" : "false");
}

void PageBuilder::stringField(const QByteArray &key, QStringView value)
{
    separator();
    m_bytes.append(key);
    CanonicalJson::appendString(value, m_bytes);
}

void PageBuilder::stringField(const QByteArray &key, QUtf8StringView value)
{
    separator();
    m_bytes.append(key);
    CanonicalJson::appendString(value, m_bytes);
}

void PageBuilder::valueField(const QByteArray &key, const QJsonValue &value)
{
    separator();
    m_bytes.append(key);
    CanonicalJson::append(value, m_bytes);
}

namespace {

template<typename Text>
void appendRowEnd(QByteArray &out, Text id, qint64 version, Text updatedAt)
{
    out.append("},\"id\":");
    CanonicalJson::appendString(id, out);
    out.append(",\"updatedAt\":");
    CanonicalJson::appendString(updatedAt, out);
    out.append(",\"version\":");
    CanonicalJson::appendInteger(version, out);
    out.append('}');
}

} // namespace

void PageBuilder::endRow(QStringView id, qint64 version, QStringView updatedAt)
{
    appendRowEnd(m_bytes, id, version, updatedAt);
    m_rows.push_back({version, m_rowStart, m_bytes.size() - m_rowStart});
}

void PageBuilder::endRow(QUtf8StringView id, qint64 version, QUtf8StringView updatedAt)
{
    appendRowEnd(m_bytes, id, version, updatedAt);
    m_rows.push_back({version, m_rowStart, m_bytes.size() - m_rowStart});
}

void PageBuilder::sortByVersion()
{
    std::sort(m_rows.begin(), m_rows.end(),
              [](const Span &a, const Span &b) { return a.version < b.version; });
}

QByteArray PageBuilder::canonical(bool hasMore, qint64 nextCursor) const
{
    const std::vector<Span> &order = m_rows;
    QByteArray out;
    out.reserve(m_bytes.size() + qsizetype(order.size()) + 64);
    out.append(hasMore ? "{\"hasMore\":true,\"nextCursor\":" : "{\"hasMore\":false,\"nextCursor\":");
    CanonicalJson::appendInteger(nextCursor, out);
    out.append(",\"rows\":[");
    for (size_t i = 0; i < order.size(); ++i) {
        if (i)
            out.append(',');
        out.append(m_bytes.constData() + order[i].offset, order[i].size);
    }
    out.append("]}");
    return out;
}

QByteArray PageBuilder::finish(bool hasMore, qint64 nextCursor, QString *checksum) const
{
    const QByteArray body = canonical(hasMore, nextCursor);
    const QString sum = Security::Crypto::sha256Hex(body);
    if (checksum)
        *checksum = sum;
    QByteArray out;
    out.reserve(body.size() + 80);
    out.append("{\"checksum\":\"");
    out.append(sum.toLatin1());
    out.append("\",");
    out.append(body.constData() + 1, body.size() - 1);
    return out;
}

} // namespace XinDai::Sync
