#pragma once

namespace XinDai::Matching {

/// Language of an explanation. Explanations are printed on slips handed to the firm, so the language is
/// chosen explicitly per call and never follows the user interface's language.
enum class Language { Chinese, English };

} // namespace XinDai::Matching
