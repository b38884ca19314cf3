#include "rules/jsonparser_p.h"
#include "rules/value_p.h"

#include <QHash>

#include <charconv>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace XinDai::Rules::Internal {

Value makeObjectFromIds(std::vector<std::pair<quint32, Value>> members); // value.cpp

namespace {

class Reader
{
public:
    explicit Reader(const QByteArray &text)
        : m_p(text.constData())
        , m_end(text.constData() + text.size())
    {}

    bool document(Value *out)
    {
        skipSpace();
        if (!value(out, 0))
            return false;
        skipSpace();
        return m_p == m_end;
    }

private:
    const char *m_p;
    const char *m_end;
    std::unordered_map<std::string_view, quint32> m_keys; // raw key bytes → interned id

    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool literal(std::string_view word)
    {
        if (size_t(m_end - m_p) < word.size() || std::string_view(m_p, word.size()) != word)
            return false;
        m_p += word.size();
        return true;
    }

    bool value(Value *out, int depth)
    {
        if (m_p >= m_end || depth > 512)
            return false;
        switch (*m_p) {
        case '{':
            return object(out, depth);
        case '[':
            return array(out, depth);
        case '"': {
            QString s;
            if (!string(&s, nullptr))
                return false;
            *out = Value(s);
            return true;
        }
        case 't':
            if (!literal("true"))
                return false;
            *out = Value(true);
            return true;
        case 'f':
            if (!literal("false"))
                return false;
            *out = Value(false);
            return true;
        case 'n':
            if (!literal("null"))
                return false;
            *out = Value();
            return true;
        default:
            return number(out);
        }
    }

    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    bool number(Value *out)
    {
        const char *start = m_p;
        const char *p = m_p;
        if (p < m_end && *p == '-')
            ++p;
        if (p >= m_end)
            return false;
        if (*p == '0') {
            ++p;
        } else if (isDigit(*p)) {
            while (p < m_end && isDigit(*p))
                ++p;
        } else {
            return false;
        }
        if (p < m_end && *p == '.') {
            ++p;
            if (p >= m_end || !isDigit(*p))
                return false;
            while (p < m_end && isDigit(*p))
                ++p;
        }
        if (p < m_end && (*p == 'e' || *p == 'E')) {
            ++p;
            if (p < m_end && (*p == '+' || *p == '-'))
                ++p;
            if (p >= m_end || !isDigit(*p))
                return false;
            while (p < m_end && isDigit(*p))
                ++p;
        }
        double d = 0;
        const auto res = std::from_chars(start, p, d);
        if (res.ec != std::errc() || res.ptr != p)
            return false;
        m_p = p;
        *out = Value(d);
        return true;
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    /// Reads a string at m_p (on the opening quote). \a raw (if given) receives the bytes between the
    /// quotes when there was no escape (for the key cache), else stays empty.
    bool string(QString *out, std::string_view *raw)
    {
        ++m_p; // opening quote
        const char *start = m_p;
        bool ascii = true;
        while (m_p < m_end && *m_p != '"' && *m_p != '\\') {
            const unsigned char c = static_cast<unsigned char>(*m_p);
            if (c < 0x20)
                return false;
            ascii = ascii && c < 0x80;
            ++m_p;
        }
        if (m_p >= m_end)
            return false;
        if (*m_p == '"') {
            const qsizetype len = qsizetype(m_p - start);
            if (raw)
                *raw = std::string_view(start, size_t(len));
            if (ascii) {
                *out = QString::fromLatin1(start, len);
            } else if (!utf8(start, len, out)) {
                return false;
            }
            ++m_p;
            return true;
        }
        // with escapes: decode piecewise
        QString s;
        if (m_p > start && !utf8(start, qsizetype(m_p - start), &s))
            return false;
        while (true) {
            if (m_p >= m_end)
                return false;
            const char c = *m_p;
            if (c == '"') {
                ++m_p;
                break;
            }
            if (c == '\\') {
                if (m_end - m_p < 2)
                    return false;
                const char e = m_p[1];
                m_p += 2;
                switch (e) {
                case '"':
                    s += u'"';
                    break;
                case '\\':
                    s += u'\\';
                    break;
                case '/':
                    s += u'/';
                    break;
                case 'b':
                    s += u'\b';
                    break;
                case 'f':
                    s += u'\f';
                    break;
                case 'n':
                    s += u'\n';
                    break;
                case 'r':
                    s += u'\r';
                    break;
                case 't':
                    s += u'\t';
                    break;
                case 'u': {
                    if (m_end - m_p < 4)
                        return false;
                    int v = 0;
                    for (int i = 0; i < 4; ++i) {
                        const int h = hexValue(m_p[i]);
                        if (h < 0)
                            return false;
                        v = v * 16 + h;
                    }
                    m_p += 4;
                    s += QChar(char16_t(v)); // surrogate halves combine in UTF-16 as JavaScript does
                    break;
                }
                default:
                    return false;
                }
                continue;
            }
            const char *runStart = m_p;
            while (m_p < m_end && *m_p != '"' && *m_p != '\\') {
                if (static_cast<unsigned char>(*m_p) < 0x20)
                    return false;
                ++m_p;
            }
            QString part;
            if (!utf8(runStart, qsizetype(m_p - runStart), &part))
                return false;
            s += part;
        }
        *out = s;
        return true;
    }

    /// Strict UTF-8 decoding: a replacement character that was not spelled out in the input (EF BF BD)
    /// means invalid bytes.
    static bool utf8(const char *p, qsizetype len, QString *out)
    {
        *out = QString::fromUtf8(p, len);
        const qsizetype replaced = out->count(QChar::ReplacementCharacter);
        if (replaced == 0)
            return true;
        const std::string_view bytes(p, size_t(len));
        qsizetype spelled = 0;
        for (size_t pos = bytes.find("\xEF\xBF\xBD"); pos != std::string_view::npos;
             pos = bytes.find("\xEF\xBF\xBD", pos + 3))
            ++spelled;
        return replaced == spelled;
    }

    bool array(Value *out, int depth)
    {
        ++m_p;
        std::vector<Value> items;
        skipSpace();
        if (m_p < m_end && *m_p == ']') {
            ++m_p;
            *out = Value::array({});
            return true;
        }
        while (true) {
            skipSpace();
            Value v;
            if (!value(&v, depth + 1))
                return false;
            items.push_back(std::move(v));
            skipSpace();
            if (m_p >= m_end)
                return false;
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            if (*m_p == ']') {
                ++m_p;
                break;
            }
            return false;
        }
        *out = Value::array(std::move(items));
        return true;
    }

    bool object(Value *out, int depth)
    {
        ++m_p;
        std::vector<std::pair<quint32, Value>> members;
        skipSpace();
        if (m_p < m_end && *m_p == '}') {
            ++m_p;
            *out = makeObjectFromIds({});
            return true;
        }
        while (true) {
            skipSpace();
            if (m_p >= m_end || *m_p != '"')
                return false;
            QString key;
            std::string_view raw;
            if (!string(&key, &raw))
                return false;
            quint32 id;
            if (!raw.empty() || key.isEmpty()) {
                const auto it = m_keys.find(raw);
                if (it != m_keys.end()) {
                    id = it->second;
                } else {
                    id = Value::keyId(key);
                    m_keys.emplace(raw, id);
                }
            } else {
                id = Value::keyId(key);
            }
            skipSpace();
            if (m_p >= m_end || *m_p != ':')
                return false;
            ++m_p;
            skipSpace();
            Value v;
            if (!value(&v, depth + 1))
                return false;
            members.emplace_back(id, std::move(v));
            skipSpace();
            if (m_p >= m_end)
                return false;
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            if (*m_p == '}') {
                ++m_p;
                break;
            }
            return false;
        }
        *out = makeObjectFromIds(std::move(members));
        return true;
    }
};

} // namespace

bool parseJsonFast(const QByteArray &text, Value *out)
{
    Reader reader(text);
    return reader.document(out);
}

} // namespace XinDai::Rules::Internal
