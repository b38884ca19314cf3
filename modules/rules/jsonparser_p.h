#pragma once

// Private: a strict JSON reader that builds Values directly (no QJsonDocument in between).

#include "rules/value.h"

#include <QByteArray>

namespace XinDai::Rules::Internal {

/// Parses \a text as one JSON value (RFC 8259, UTF-8). Returns false on anything it does not accept
/// (syntax errors, invalid UTF-8, numbers out of double range, nesting deeper than 512): the caller
/// then falls back to QJsonDocument, which also words the error.
bool parseJsonFast(const QByteArray &text, Value *out);

} // namespace XinDai::Rules::Internal
