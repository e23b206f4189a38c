// Parse a GIFT file with gift-pegjs (the PEG grammar behind the GIFT editor tools) and
// print the questions as JSON, so a Python test can compare them with data/quiz.yaml.
// Usage: node tests/tools/parse_gift.js FILE
const fs = require("fs");
const gift = require("gift-pegjs");
const text = fs.readFileSync(process.argv[2], "utf8");
process.stdout.write(JSON.stringify(gift.parse(text)));
