// Atomic file writing: a temporary file in the target's folder, renamed over
// the target once complete. Internal to the compiled part.
#ifndef ZJCREDIT_SRC_LEDGER_FILE_HPP
#define ZJCREDIT_SRC_LEDGER_FILE_HPP

#include <filesystem>
#include <functional>
#include <string_view>

namespace zjcredit::ledger::detail {

/// Creates an empty temporary file next to `target`, lets `produce` fill it
/// (by path), makes it durable and renames it to `target`. If `produce`
/// throws or any step fails, the temporary file is removed and `target` is
/// untouched; failures of the file system are zjcredit::error(errc::io).
void write_atomically(const std::filesystem::path& target,
                      const std::function<void(const std::filesystem::path& temp)>& produce);

/// write_atomically with `bytes` as the content.
void write_text_atomically(const std::filesystem::path& target, std::string_view bytes);

}  // namespace zjcredit::ledger::detail

#endif
