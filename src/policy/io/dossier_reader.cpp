// DossierReader::Open: opens the path (or standard input for "-"), picks the format by
// extension or, failing that, by the first non-space byte, and builds the reader.
#include "policy/io/dossier_reader.h"

#include "policy/io/readers.h"

namespace jincai::policy {

namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

// JSON when the first byte after spaces (and a byte order mark) is '{' or '['.
Result<InputFormat> Sniff(io::InputBuffer& in) {
  for (;;) {
    std::string_view data(in.begin(), in.size());
    if (data.substr(0, 3) == "\xEF\xBB\xBF") data.remove_prefix(3);
    const size_t first = data.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos) {
      return data[first] == '{' || data[first] == '[' ? InputFormat::kJson : InputFormat::kCsv;
    }
    if (in.size() > (size_t{1} << 20)) return InputFormat::kCsv;  // a megabyte of spaces
    auto more = in.More();
    if (!more.ok()) return more.status();
    if (!*more) return InputFormat::kCsv;  // empty: either reader returns no rows
  }
}

}  // namespace

Result<std::unique_ptr<DossierReader>> DossierReader::Open(const std::string& path,
                                                            const BatchLayout& layout,
                                                            StringPool& pool,
                                                            ReaderOptions options) {
  auto in = io::InputBuffer::Open(path);
  if (!in.ok()) return in.status();
  InputFormat format = options.format;
  if (format == InputFormat::kAuto) {
    if (EndsWith(path, ".csv")) {
      format = InputFormat::kCsv;
    } else if (EndsWith(path, ".json") || EndsWith(path, ".jsonl") || EndsWith(path, ".ndjson")) {
      format = InputFormat::kJson;
    } else {
      auto sniffed = Sniff(**in);
      if (!sniffed.ok()) return sniffed.status();
      format = *sniffed;
    }
  }
  std::unique_ptr<DossierReader> reader =
      format == InputFormat::kCsv
          ? io::MakeCsvReader(std::move(*in), layout, pool, std::move(options))
          : io::MakeJsonReader(std::move(*in), layout, pool, std::move(options));
  return reader;
}

}  // namespace jincai::policy
