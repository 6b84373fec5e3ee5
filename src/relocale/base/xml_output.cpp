#include "relocale/base/xml_output.h"

namespace relocale {

namespace {

class StringWriter : public pugi::xml_writer {
 public:
  explicit StringWriter(std::string& out) : out_(out) {}
  void write(const void* data, size_t size) override {
    out_.append(static_cast<const char*>(data), size);
  }

 private:
  std::string& out_;
};

}  // namespace

std::string xml_to_string(const pugi::xml_document& xml) {
  std::string out;
  StringWriter writer(out);
  xml.save(writer, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out;
}

void append_xml_text(std::string& out, std::string_view text) {
  append_escaped_markup(out, text, [](unsigned char c) {
    return c == '&' || c == '<' || c == '>' || (c < 32 && c != '\t' && c != '\n' && c != '\r');
  });
}

void append_xml_attribute(std::string& out, std::string_view name, std::string_view value) {
  out += ' ';
  out += name;
  out += "=\"";
  append_escaped_markup(out, value,
                        [](unsigned char c) { return c == '&' || c == '<' || c == '"' || c < 32; });
  out += '"';
}

}  // namespace relocale
