#include "sync/compactpage.h"

#include "security/crypto.h"
#include "sync/canonicaljson.h"
#include "sync/entitycatalog.h"
#include "sync/jsonreader_p.h"
#include "sync/synctr_p.h"
#include "sync/wiretext_p.h"

#include <QJsonDocument>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <vector>

using namespace Qt::StringLiterals;

namespace XinDai::Sync {

namespace {

using Internal::Tr;
using Kind = CompactPage::Value::Kind;

constexpr double MaxExactInteger = 9007199254740992.0; // 2^53
constexpr qint64 MaxInteger = Q_INT64_C(9007199254740992);
constexpr int MaxDepth = 512;

/// An entity's field names as UTF-8 in code-point order (the order the server writes them), each
/// with its index in EntitySpec::fields.
struct EntityNames
{
    const EntitySpec *spec = nullptr;
    QByteArray name;
    std::vector<std::pair<QByteArray, int>> fields;
};

const std::vector<EntityNames> &entityNames()
{
    static const std::vector<EntityNames> all = [] {
        std::vector<EntityNames> out;
        for (const EntitySpec &e : EntityCatalog::entities()) {
            EntityNames n;
            n.spec = &e;
            n.name = e.name.toUtf8();
            for (qsizetype i = 0; i < e.fields.size(); ++i)
                n.fields.emplace_back(e.fields.at(i).name.toUtf8(), int(i));
            std::sort(n.fields.begin(), n.fields.end());
            out.push_back(std::move(n));
        }
        return out;
    }();
    return all;
}

bool equal(QByteArrayView a, const char *literal, qsizetype size)
{
    return a.size() == size && std::memcmp(a.data(), literal, size_t(size)) == 0;
}

bool equal(const QByteArray &a, QByteArrayView b)
{
    return equal(b, a.constData(), a.size());
}

template<qsizetype N>
bool is(QByteArrayView a, const char (&literal)[N])
{
    return equal(a, literal, N - 1);
}

bool isEntityName(QByteArrayView s)
{
    if (s.isEmpty() || s.size() > 64 || s[0] < 'a' || s[0] > 'z')
        return false;
    for (const char c : s) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    }
    return true;
}

bool isHex64(QByteArrayView s)
{
    if (s.size() != 64)
        return false;
    for (const char c : s) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

/// The reader: one pass over the bytes, no JSON tree. Every failure keeps the first message.
class Reader
{
public:
    Reader(const QByteArray &wire, CompactPage &page, QString *error)
        : m_begin(wire.constData())
        , m_p(wire.constData())
        , m_end(wire.constData() + wire.size())
        , m_page(page)
        , m_error(error)
    {
        page.text = wire;
    }

    bool readPage();

private:
    // Lexical level.
    void ws()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }
    bool syntax()
    {
        return fail(Tr::tr("The page is not valid JSON (at byte %1).").arg(qint64(m_p - m_begin)));
    }
    bool fail(const QString &message)
    {
        if (m_ok && m_error)
            *m_error = message;
        m_ok = false;
        return false;
    }
    bool expect(char c)
    {
        ws();
        if (m_p >= m_end || *m_p != c)
            return syntax();
        ++m_p;
        return true;
    }
    bool peek(char c)
    {
        ws();
        return m_p < m_end && *m_p == c;
    }
    bool literal(const char *word, qsizetype size)
    {
        if (m_end - m_p < size || std::memcmp(m_p, word, size_t(size)) != 0)
            return syntax();
        m_p += size;
        return true;
    }
    bool utf8Sequence();
    bool readString(QByteArrayView *out);
    bool readNumber(double *out);
    bool skipValue(int depth = 0);
    /// A scalar (Other for an array or object, skipped).
    bool readValue(WireValue *out);
    /// The key of the next member and its ':'; false at '}' (with *done) or on an error.
    bool readKey(QByteArrayView *key, bool first, bool *done);

    CompactPage::Span keep(QByteArrayView s);

    // Page level.
    bool readRows();
    bool readRow(qsizetype index);
    bool readFields(CompactPage::Row &row, const EntityNames *names, qsizetype index);
    QString rowPath(qsizetype index, const char *key) const
    {
        return Internal::elementPath(u"rows"_s, index) + u'.' + QLatin1StringView(key);
    }
    /// JsonReader::integer() on a number already read.
    bool integer(double d, qint64 min, qint64 max, const QString &path, qint64 *out);

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    CompactPage &m_page;
    QString *m_error;
    bool m_ok = true;
    QByteArray m_scratch; ///< a string with escapes, decoded
};

bool Reader::utf8Sequence()
{
    const auto c = static_cast<unsigned char>(*m_p);
    int n = 0;
    char32_t cp = 0, min = 0;
    if (c >= 0xc2 && c <= 0xdf) {
        n = 1, cp = c & 0x1f, min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
        n = 2, cp = c & 0x0f, min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
        n = 3, cp = c & 0x07, min = 0x10000;
    } else {
        return false;
    }
    if (m_end - m_p <= n)
        return false;
    for (int i = 1; i <= n; ++i) {
        const auto b = static_cast<unsigned char>(m_p[i]);
        if ((b & 0xc0) != 0x80)
            return false;
        cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return false;
    m_p += n + 1;
    return true;
}

bool Reader::readString(QByteArrayView *out)
{
    ws();
    if (m_p >= m_end || *m_p != '"')
        return syntax();
    const char *start = ++m_p;
    // Fast path: no escape, the text is the received bytes (control characters pass, as in Qt).
    while (m_p < m_end) {
        const auto c = static_cast<unsigned char>(*m_p);
        if (c == '"') {
            *out = QByteArrayView(start, m_p - start);
            ++m_p;
            return true;
        }
        if (c == '\\')
            break;
        if (c < 0x80)
            ++m_p;
        else if (!utf8Sequence())
            return syntax();
    }
    if (m_p >= m_end)
        return syntax();
    m_scratch.clear();
    m_scratch.append(start, m_p - start);
    auto hex4 = [&](char32_t *value) {
        if (m_end - m_p < 4)
            return false;
        char32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const char h = m_p[i];
            v <<= 4;
            if (h >= '0' && h <= '9')
                v |= char32_t(h - '0');
            else if (h >= 'a' && h <= 'f')
                v |= char32_t(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                v |= char32_t(h - 'A' + 10);
            else
                return false;
        }
        m_p += 4;
        *value = v;
        return true;
    };
    while (m_p < m_end) {
        const auto c = static_cast<unsigned char>(*m_p);
        if (c == '"') {
            ++m_p;
            *out = QByteArrayView(m_scratch);
            return true;
        }
        if (c == '\\') {
            if (++m_p >= m_end)
                return syntax();
            switch (*m_p++) {
            case '"':
                m_scratch.append('"');
                break;
            case '\\':
                m_scratch.append('\\');
                break;
            case '/':
                m_scratch.append('/');
                break;
            case 'b':
                m_scratch.append('\b');
                break;
            case 'f':
                m_scratch.append('\f');
                break;
            case 'n':
                m_scratch.append('\n');
                break;
            case 'r':
                m_scratch.append('\r');
                break;
            case 't':
                m_scratch.append('\t');
                break;
            case 'u': {
                char32_t cp = 0;
                if (!hex4(&cp))
                    return syntax();
                if (cp >= 0xd800 && cp <= 0xdbff && m_end - m_p >= 6 && m_p[0] == '\\' && m_p[1] == 'u') {
                    const char *back = m_p;
                    m_p += 2;
                    char32_t low = 0;
                    if (hex4(&low) && low >= 0xdc00 && low <= 0xdfff)
                        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
                    else
                        m_p = back;
                }
                if (cp >= 0xd800 && cp <= 0xdfff)
                    cp = 0xfffd; // a lone surrogate has no UTF-8 form
                Internal::appendUtf8(cp, m_scratch);
                break;
            }
            default:
                --m_p;
                return syntax();
            }
            continue;
        }
        if (c < 0x80) {
            m_scratch.append(char(c));
            ++m_p;
        } else {
            const char *s = m_p;
            if (!utf8Sequence())
                return syntax();
            m_scratch.append(s, m_p - s);
        }
    }
    return syntax();
}

bool Reader::readNumber(double *out)
{
    ws();
    const char *s = m_p;
    const bool negative = m_p < m_end && *m_p == '-';
    if (negative)
        ++m_p;
    auto digit = [&] {
        return m_p < m_end && *m_p >= '0' && *m_p <= '9';
    };
    if (!digit())
        return syntax();
    if (*m_p == '0') {
        ++m_p;
    } else {
        while (digit())
            ++m_p;
    }
    bool integral = true;
    if (m_p < m_end && *m_p == '.') {
        ++m_p;
        if (!digit())
            return syntax();
        while (digit())
            ++m_p;
        integral = false;
    }
    if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
        ++m_p;
        if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
            ++m_p;
        if (!digit())
            return syntax();
        while (digit())
            ++m_p;
        integral = false;
    }
    const qsizetype length = m_p - s - (negative ? 1 : 0);
    if (integral && length <= 18) {
        qint64 v = 0;
        for (const char *d = s + (negative ? 1 : 0); d < m_p; ++d)
            v = v * 10 + (*d - '0');
        *out = double(negative ? -v : v);
        return true;
    }
    const auto result = std::from_chars(s, m_p, *out);
    if (result.ec != std::errc() || result.ptr != m_p || !std::isfinite(*out))
        return syntax();
    return true;
}

bool Reader::skipValue(int depth)
{
    if (depth > MaxDepth)
        return syntax();
    ws();
    if (m_p >= m_end)
        return syntax();
    switch (*m_p) {
    case '{': {
        ++m_p;
        if (peek('}')) {
            ++m_p;
            return true;
        }
        do {
            QByteArrayView key;
            if (!readString(&key) || !expect(':') || !skipValue(depth + 1))
                return false;
        } while (peek(',') && ++m_p);
        return expect('}');
    }
    case '[': {
        ++m_p;
        if (peek(']')) {
            ++m_p;
            return true;
        }
        do {
            if (!skipValue(depth + 1))
                return false;
        } while (peek(',') && ++m_p);
        return expect(']');
    }
    case '"': {
        QByteArrayView s;
        return readString(&s);
    }
    case 't':
        return literal("true", 4);
    case 'f':
        return literal("false", 5);
    case 'n':
        return literal("null", 4);
    default: {
        double d = 0;
        return readNumber(&d);
    }
    }
}

bool Reader::readValue(WireValue *out)
{
    ws();
    if (m_p >= m_end)
        return syntax();
    switch (*m_p) {
    case '"':
        out->kind = WireValue::Kind::String;
        return readString(&out->utf8);
    case 't':
        out->kind = WireValue::Kind::Bool;
        out->boolean = true;
        return literal("true", 4);
    case 'f':
        out->kind = WireValue::Kind::Bool;
        out->boolean = false;
        return literal("false", 5);
    case 'n':
        out->kind = WireValue::Kind::Null;
        return literal("null", 4);
    case '{':
    case '[':
        out->kind = WireValue::Kind::Other;
        return skipValue();
    default:
        out->kind = WireValue::Kind::Number;
        return readNumber(&out->number);
    }
}

bool Reader::readKey(QByteArrayView *key, bool first, bool *done)
{
    ws();
    *done = false;
    if (m_p < m_end && *m_p == '}') {
        ++m_p;
        *done = true;
        return false;
    }
    if (!first && !expect(','))
        return false;
    return readString(key) && expect(':');
}

CompactPage::Span Reader::keep(QByteArrayView s)
{
    CompactPage::Span span;
    span.size = s.size();
    if (s.data() >= m_begin && s.data() + s.size() <= m_end) {
        span.offset = s.data() - m_begin;
    } else {
        span.offset = m_page.text.size();
        m_page.text.append(s.data(), s.size());
    }
    return span;
}

bool Reader::integer(double d, qint64 min, qint64 max, const QString &path, qint64 *out)
{
    if (!std::isfinite(d) || std::trunc(d) != d || std::fabs(d) > MaxExactInteger)
        return fail(Tr::tr("The field %1 must be a whole number.").arg(path));
    const auto n = static_cast<qint64>(d);
    if (n < min || n > max)
        return fail(Tr::tr("The field %1 must lie between %2 and %3.").arg(path).arg(min).arg(max));
    *out = n;
    return true;
}

bool Reader::readPage()
{
    if (!expect('{'))
        return false;
    bool seen[4] = {}; // rows, nextCursor, hasMore, checksum
    bool done = false;
    QByteArrayView key;
    for (bool first = true; readKey(&key, first, &done); first = false) {
        if (is(key, "rows")) {
            seen[0] = true;
            if (!peek('['))
                return skipValue() && fail(Tr::tr("The field %1 must be a JSON array.").arg(u"rows"_s));
            if (!readRows())
                return false;
        } else if (is(key, "nextCursor")) {
            seen[1] = true;
            WireValue v;
            if (!readValue(&v))
                return false;
            if (v.kind != WireValue::Kind::Number)
                return fail(Tr::tr("The field %1 must be a whole number.").arg(u"nextCursor"_s));
            if (!integer(v.number, 0, MaxInteger, u"nextCursor"_s, &m_page.nextCursor))
                return false;
        } else if (is(key, "hasMore")) {
            seen[2] = true;
            WireValue v;
            if (!readValue(&v))
                return false;
            if (v.kind != WireValue::Kind::Bool)
                return fail(Tr::tr("The field %1 must be true or false.").arg(u"hasMore"_s));
            m_page.hasMore = v.boolean;
        } else if (is(key, "checksum")) {
            seen[3] = true;
            WireValue v;
            if (!readValue(&v))
                return false;
            if (v.kind != WireValue::Kind::String)
                return fail(Tr::tr("The field %1 must be a string.").arg(u"checksum"_s));
            if (!isHex64(v.utf8))
                return fail(
                    Tr::tr("The field %1 must be 64 lower-case hexadecimal digits.").arg(u"checksum"_s));
            m_page.checksum = QString::fromLatin1(v.utf8.data(), v.utf8.size());
        } else {
            return fail(Tr::tr("The field %1 is not part of the sync protocol.").arg(QString::fromUtf8(key)));
        }
    }
    if (!done)
        return m_ok ? syntax() : false;
    ws();
    if (m_p != m_end)
        return syntax();
    static const QString names[4] = {u"rows"_s, u"nextCursor"_s, u"hasMore"_s, u"checksum"_s};
    for (int i = 0; i < 4; ++i) {
        if (!seen[i])
            return fail(Tr::tr("The field %1 is missing.").arg(names[i]));
    }
    if (!m_page.rows.isEmpty() && m_page.nextCursor < m_page.rows.constLast().version)
        return fail(Tr::tr("The field nextCursor must not be smaller than the last row's version."));
    return true;
}

bool Reader::readRows()
{
    // A repeated "rows" key: the last one counts (as in a QJsonObject).
    m_page.rows.clear();
    m_page.values.clear();
    if (!expect('['))
        return false;
    if (peek(']')) {
        ++m_p;
        return true;
    }
    // The canonical form takes about 250 bytes per row, a monthly value less.
    const qsizetype estimate = (m_end - m_p) / 200 + 1;
    m_page.rows.reserve(estimate);
    m_page.values.reserve(estimate * 6);
    qsizetype index = 0;
    do {
        if (!readRow(index++))
            return false;
    } while (peek(',') && ++m_p);
    return expect(']');
}

bool Reader::readRow(qsizetype index)
{
    ws();
    if (m_p >= m_end || *m_p != '{') {
        if (!skipValue())
            return false;
        QString message;
        Internal::failNotObject(u"rows"_s, index, &message);
        return fail(message);
    }
    ++m_p;
    CompactPage::Row row;
    row.firstValue = m_page.values.size();
    const EntityNames *names = nullptr;
    bool seen[6] = {}; // entity, id, version, updatedAt, deleted, fields
    const char *fieldsBegin = nullptr;
    const char *fieldsEnd = nullptr;
    const EntityNames *fieldsReadAs = nullptr; // the entity the fields were read for (not yet: none)
    bool fieldsRead = false;
    bool done = false;
    QByteArrayView key;
    for (bool first = true; readKey(&key, first, &done); first = false) {
        if (is(key, "fields")) {
            seen[5] = true;
            ws();
            fieldsBegin = m_p;
            if (m_p >= m_end || *m_p != '{') {
                return skipValue()
                       && fail(Tr::tr("The field %1 must be a JSON object.").arg(rowPath(index, "fields")));
            }
            if (seen[0]) { // the entity is known: read them now (the server writes "entity" first)
                if (!readFields(row, names, index))
                    return false;
                fieldsRead = true;
                fieldsReadAs = names;
            } else if (!skipValue()) {
                return false;
            }
            fieldsEnd = m_p;
        } else if (is(key, "entity")) {
            seen[0] = true;
            WireValue v;
            if (!readValue(&v))
                return false;
            if (v.kind != WireValue::Kind::String)
                return fail(Tr::tr("The field %1 must be a string.").arg(rowPath(index, "entity")));
            if (!isEntityName(v.utf8))
                return fail(Tr::tr("The field %1 must be an entity name (lower-case letters, digits and "
                                   "underscores, starting with a letter, at most 64 characters).")
                                .arg(rowPath(index, "entity")));
            names = nullptr;
            for (const EntityNames &e : entityNames()) {
                if (equal(e.name, v.utf8)) {
                    names = &e;
                    break;
                }
            }
            row.spec = names ? names->spec : nullptr;
            row.entity = keep(v.utf8);
        } else if (is(key, "id")) {
            seen[1] = true;
            WireValue v;
            if (!readValue(&v))
                return false;
            if (v.kind != WireValue::Kind::String)
                return fail(Tr::tr("The field %1 must be a string.").arg(rowPath(index, "id")));
            if (!Internal::isStoreUuid(v.utf8))
                return fail(Tr::tr("The field %1 must be a lower-case UUID without braces.")
                                .arg(rowPath(index, "id")));
            row.id = keep(v.utf8);
        } else if (is(key, "version")) {
            seen[2] = true;
            WireValue v;
            if (!readValue(&v))
                return false;
            if (v.kind != WireValue::Kind::Number)
                return fail(Tr::tr("The field %1 must be a whole number.").arg(rowPath(index, "version")));
            if (!integer(v.number, 1, MaxInteger, rowPath(index, "version"), &row.version))
                return false;
        } else if (is(key, "updatedAt")) {
            seen[3] = true;
            WireValue v;
            if (!readValue(&v))
                return false;
            if (v.kind != WireValue::Kind::String)
                return fail(Tr::tr("The field %1 must be a string.").arg(rowPath(index, "updatedAt")));
            if (v.utf8.size() == 24 && Internal::isPlainDateTime(v.utf8)) {
                row.updatedAt = keep(v.utf8);
            } else {
                // Rare forms the wire rule still accepts (24:00, digits beyond ASCII): as JsonReader
                // reads them, and kept in the form the store writes.
                QDateTime t;
                if (!Internal::parseTimestamp(QString::fromUtf8(v.utf8), &t))
                    return fail(Tr::tr("The field %1 must be a UTC time written as yyyy-MM-ddTHH:mm:ss.zzzZ.")
                                    .arg(rowPath(index, "updatedAt")));
                row.updatedAt = keep(Internal::formatTimestamp(t).toUtf8());
            }
        } else if (is(key, "deleted")) {
            seen[4] = true;
            WireValue v;
            if (!readValue(&v))
                return false;
            if (v.kind != WireValue::Kind::Bool)
                return fail(Tr::tr("The field %1 must be true or false.").arg(rowPath(index, "deleted")));
            row.deleted = v.boolean;
        } else {
            return fail(Tr::tr("The field %1 is not part of the sync protocol.")
                            .arg(Internal::elementPath(u"rows"_s, index) + u'.' + QString::fromUtf8(key)));
        }
    }
    if (!done)
        return m_ok ? syntax() : false;
    static const char *const keys[6] = {"entity", "id", "version", "updatedAt", "deleted", "fields"};
    for (int i = 0; i < 6; ++i) {
        if (!seen[i])
            return fail(Tr::tr("The field %1 is missing.").arg(rowPath(index, keys[i])));
    }
    if (!fieldsRead || fieldsReadAs != names) {
        // "fields" came before "entity" (or "entity" was repeated): read them again for the entity.
        const char *resume = m_p;
        const char *end = m_end;
        m_p = fieldsBegin;
        m_end = fieldsEnd;
        m_page.values.resize(row.firstValue);
        row.fieldCount = 0;
        const bool ok = readFields(row, names, index);
        m_p = resume;
        m_end = end;
        if (!ok)
            return false;
    }
    if (!m_page.rows.isEmpty() && row.version <= m_page.rows.constLast().version)
        return fail(Tr::tr("The field %1 must be greater than the previous row's version.")
                        .arg(rowPath(index, "version")));
    m_page.rows.append(row);
    return true;
}

bool Reader::readFields(CompactPage::Row &row, const EntityNames *names, qsizetype index)
{
    ws();
    const char *begin = m_p;
    if (!names) { // an entity this build does not know: kept as received, ignored when applied
        if (!skipValue())
            return false;
        row.rawFields = keep(QByteArrayView(begin, m_p - begin));
        return true;
    }
    const EntitySpec &spec = *names->spec;
    // A repeated "fields" key: the last one counts.
    m_page.values.resize(row.firstValue);
    m_page.values.resize(row.firstValue + spec.fields.size());
    row.fieldCount = 0;
    if (!expect('{'))
        return false;
    const auto &sorted = names->fields;
    size_t hint = 0;
    bool done = false;
    QByteArrayView key;
    for (bool first = true; readKey(&key, first, &done); first = false) {
        int field = -1;
        if (hint < sorted.size() && equal(sorted[hint].first, key)) {
            field = sorted[hint++].second;
        } else {
            for (size_t i = 0; i < sorted.size(); ++i) {
                if (equal(sorted[i].first, key)) {
                    field = sorted[i].second;
                    hint = i + 1;
                    break;
                }
            }
        }
        const FieldSpec *f = field >= 0 ? &spec.fields.at(field) : nullptr;
        auto path = [&](const QString &name) -> QString {
            return Internal::elementPath(u"rows"_s, index) + u".fields."_s + name;
        };
        if (!f || f->serverOnly)
            return fail(EntityCatalog::problemMessage(nullptr, EntityCatalog::ValueProblem::NotAField,
                                                      path(QString::fromUtf8(key))));
        WireValue v;
        if (!readValue(&v))
            return false;
        const EntityCatalog::ValueProblem problem = EntityCatalog::checkValue(*f, v);
        if (problem != EntityCatalog::ValueProblem::None)
            return fail(EntityCatalog::problemMessage(f, problem, path(f->name)));
        CompactPage::Value &value = m_page.values[row.firstValue + field];
        if (value.kind == Kind::Absent)
            ++row.fieldCount;
        if (v.kind == WireValue::Kind::Null) {
            value.kind = Kind::Null;
        } else if (f->type == FieldSpec::Type::Integer) {
            value.kind = Kind::Integer;
            value.integer = qint64(v.number);
        } else if (f->type == FieldSpec::Type::Bool) {
            value.kind = Kind::Integer;
            value.integer = v.boolean ? 1 : 0;
        } else {
            value.kind = Kind::Text;
            value.text = keep(v.utf8);
        }
    }
    return done || (m_ok && syntax());
}

} // namespace

bool CompactPage::checksumMatchesBytes(const QByteArray &wire)
{
    // The server writes {"checksum":"<64 hex>", followed by the canonical bytes without their "{":
    // then "{" + the rest is exactly what the checksum covers (docs/sync-protocol.md, "Page checksum").
    static constexpr char prefix[] = "{\"checksum\":\"";
    constexpr qsizetype prefixSize = sizeof(prefix) - 1;
    constexpr qsizetype restAt = prefixSize + 64 + 2; // the hex digits, '"' and ','
    if (wire.size() <= restAt || !wire.startsWith(prefix) || wire.at(prefixSize + 64) != '"'
        || wire.at(prefixSize + 65) != ',')
        return false;
    const QByteArrayView hex(wire.constData() + prefixSize, 64);
    if (!isHex64(hex))
        return false;
    QByteArray canonical;
    canonical.reserve(wire.size() - restAt + 1);
    canonical.append('{');
    canonical.append(wire.constData() + restAt, wire.size() - restAt);
    return Security::Crypto::sha256Hex(canonical) == QLatin1StringView(hex.data(), hex.size());
}

CompactPage::Status CompactPage::read(const QByteArray &wire, CompactPage *page, QString *error)
{
    const bool verified = checksumMatchesBytes(wire);
    std::optional<CompactPage> parsed = parse(wire, error);
    if (!parsed)
        return Status::Invalid;
    if (!verified) {
        // Another writer (other key order, whitespace): the checksum's definition, on the parsed page.
        const std::optional<PullPage> full
            = PullPage::fromJson(QJsonDocument::fromJson(wire).object(), error);
        if (!full)
            return Status::Invalid;
        if (!full->verify(error))
            return Status::ChecksumMismatch;
    }
    *page = std::move(*parsed);
    return Status::Valid;
}

std::optional<CompactPage> CompactPage::parse(const QByteArray &wire, QString *error)
{
    CompactPage page;
    Reader reader(wire, page, error);
    if (!reader.readPage())
        return std::nullopt;
    return page;
}

std::optional<CompactPage> CompactPage::fromPage(const PullPage &page, QString *error)
{
    CompactPage out;
    out.nextCursor = page.nextCursor;
    out.hasMore = page.hasMore;
    out.checksum = page.checksum;
    out.rows.reserve(page.rows.size());
    auto keep = [&](const QByteArray &utf8) {
        Span span;
        span.offset = out.text.size();
        span.size = utf8.size();
        out.text.append(utf8);
        return span;
    };
    for (const Sync::Row &source : page.rows) {
        Row row;
        row.spec = EntityCatalog::find(source.entity);
        row.entity = keep(source.entity.toUtf8());
        row.id = keep(source.id.toUtf8());
        if (source.updatedAt.isValid())
            row.updatedAt = keep(Internal::formatTimestamp(source.updatedAt).toUtf8());
        row.version = source.version;
        row.deleted = source.deleted;
        row.firstValue = out.values.size();
        if (!row.spec) {
            row.rawFields = keep(CanonicalJson::serialize(source.fields));
            out.rows.append(row);
            continue;
        }
        const EntitySpec &spec = *row.spec;
        if ((!source.deleted || !source.fields.isEmpty())
            && !EntityCatalog::validateFields(spec, source.fields, source.entity + u".fields"_s, error))
            return std::nullopt;
        out.values.resize(row.firstValue + spec.fields.size());
        for (qsizetype i = 0; i < spec.fields.size(); ++i) {
            const FieldSpec &f = spec.fields.at(i);
            const auto it = source.fields.constFind(f.name);
            if (it == source.fields.constEnd())
                continue;
            Value &value = out.values[row.firstValue + i];
            ++row.fieldCount;
            const QJsonValue v = it.value();
            if (v.isNull()) {
                value.kind = Value::Kind::Null;
            } else if (f.type == FieldSpec::Type::Integer) {
                value.kind = Value::Kind::Integer;
                value.integer = qint64(v.toDouble());
            } else if (f.type == FieldSpec::Type::Bool) {
                value.kind = Value::Kind::Integer;
                value.integer = v.toBool() ? 1 : 0;
            } else {
                value.kind = Value::Kind::Text;
                value.text = keep(v.toString().toUtf8());
            }
        }
        out.rows.append(row);
    }
    return out;
}

PullPage CompactPage::toPullPage() const
{
    PullPage page;
    page.nextCursor = nextCursor;
    page.hasMore = hasMore;
    page.checksum = checksum;
    for (const Row &row : rows) {
        Sync::Row r;
        r.entity = string(row.entity);
        r.id = string(row.id);
        r.version = row.version;
        r.deleted = row.deleted;
        if (row.updatedAt.offset >= 0)
            Internal::parseTimestamp(string(row.updatedAt), &r.updatedAt);
        if (!row.spec) {
            r.fields = QJsonDocument::fromJson(bytes(row.rawFields).toByteArray()).object();
        } else {
            for (qsizetype i = 0; i < row.spec->fields.size(); ++i) {
                const FieldSpec &f = row.spec->fields.at(i);
                const Value &v = value(row, i);
                switch (v.kind) {
                case Value::Kind::Absent:
                    break;
                case Value::Kind::Null:
                    r.fields.insert(f.name, QJsonValue(QJsonValue::Null));
                    break;
                case Value::Kind::Integer:
                    r.fields.insert(f.name, f.type == FieldSpec::Type::Bool ? QJsonValue(v.integer != 0)
                                                                            : QJsonValue(v.integer));
                    break;
                case Value::Kind::Text:
                    r.fields.insert(f.name, string(v.text));
                    break;
                }
            }
        }
        page.rows.append(r);
    }
    return page;
}

QString CompactPage::string(Span span) const
{
    const QByteArrayView b = bytes(span);
    return QString::fromUtf8(b.data(), b.size());
}

} // namespace XinDai::Sync
