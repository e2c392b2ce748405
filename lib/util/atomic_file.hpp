// Writing a file so that readers see the old content or the new, never a part, and a failure
// leaves nothing behind: a temporary file in the same directory, flushed, then renamed.
#pragma once

#include <string>
#include <string_view>

namespace hoadon {

// Writes `bytes` to `path`. `mode` gives the permission bits (e.g. those of a file being
// replaced); 0: 0666 less the process's umask, as for any new file. Returns "" on success, else
// why it failed (the temporary file is then removed, `path` untouched).
[[nodiscard]] std::string write_atomically(const std::string& path, std::string_view bytes, unsigned mode);

// Removes the temporary files of the writes in progress in any thread; async-signal-safe, for
// a program's SIGINT/SIGTERM handler (the library installs none). Interrupted writes leave
// nothing behind; their targets keep their old content.
void remove_temporaries() noexcept;

}  // namespace hoadon
