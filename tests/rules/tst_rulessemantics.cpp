// JsonLogic semantics where engines disagree (we follow json-logic-js 2.0.5), JavaScript coercions,
// number formatting, compile errors with their location, and compile-once-evaluate-many.

#include "rules/compiledrule.h"
#include "rules/value.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include <cmath>
#include <thread>

using namespace XinDai::Rules;

namespace {
Value json(const char *text)
{
    QString error;
    const Value v = Value::parseJson(QByteArray(text), &error);
    if (v.isUndefined())
        qFatal("bad JSON in test: %s (%s)", text, qPrintable(error));
    return v;
}

Value run(const char *rule, const char *data = "null")
{
    QString error;
    const CompiledRule compiled = CompiledRule::compileJson(QByteArray(rule), &error);
    if (!compiled.isValid())
        qFatal("rule does not compile: %s (%s)", rule, qPrintable(error));
    return compiled.evaluate(json(data));
}
} // namespace

class TestRulesSemantics : public QObject
{
    Q_OBJECT

private slots:
    /// Each row: rule, data, the result as JSON.stringify would write it.
    void evaluate_data()
    {
        QTest::addColumn<QByteArray>("rule");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("expected");
        auto row = [](const char *name, const char *rule, const char *data, const char *expected) {
            QTest::newRow(name) << QByteArray(rule) << QByteArray(data) << QByteArray(expected);
        };
        // missing: json-logic-js tests `value === null || value === ""`, so null and "" count as missing
        // while 0 and false are present.
        row("missing null and empty", R"({"missing":["a","b","c","d","e"]})",
            R"({"a":null,"b":"","c":0,"d":false})", R"(["a","b","e"])");
        row("missing one array argument", R"({"missing":[["x","y"]]})", R"({"x":1})", R"(["y"])");
        row("missing nested path", R"({"missing":["a.b"]})", R"({"a":{"b":null}})", R"(["a.b"])");
        row("missing_some enough", R"({"missing_some":[1,["a","b"]]})", R"({"b":1})", "[]");
        row("missing_some too few", R"({"missing_some":[2,["a","b","c"]]})", R"({"a":1})", R"(["b","c"])");
        // == is JavaScript's loose equality: null equals only null/undefined, never 0 or false.
        row("null == 0 is false", R"({"==":[null,0]})", "null", "false");
        row("null == false is false", R"({"==":[null,false]})", "null", "false");
        row("null == undefined", R"({"==":[null,{"and":[]}]})", "null", "true");
        row("null === undefined is false", R"({"===":[null,{"and":[]}]})", "null", "false");
        row("false == 0", R"({"==":[false,0]})", "null", "true");
        row("empty string == 0", R"({"==":["",0]})", "null", "true");
        row("trimmed numeric string", R"({"==":[" 1 ",1]})", "null", "true");
        row("hex string", R"({"==":["0x10",16]})", "null", "true");
        row("array to primitive", R"({"==":[[1],1]})", "null", "true");
        row("empty array == false", R"({"==":[[],false]})", "null", "true");
        row("two literal arrays differ", R"({"==":[[1],[1]]})", "null", "false");
        row("same data array is identical", R"({"==":[{"var":"a"},{"var":"a"}]})", R"({"a":[1]})", "true");
        row("one argument compares with undefined", R"({"==":[null]})", "null", "true");
        row("strict one argument", R"({"===":[null]})", "null", "false");
        // Division by zero follows IEEE like JavaScript; JSON.stringify writes Infinity/NaN as null.
        row("1/0", R"({"/":[1,0]})", "null", "null");
        row("0/0", R"({"/":[0,0]})", "null", "null");
        row("1%0", R"({"%":[1,0]})", "null", "null");
        row("negative modulo keeps the dividend's sign", R"({"%":[-7,3]})", "null", "-1");
        // Truthiness: {} is truthy in json-logic-js, an empty array falsy, "0" truthy.
        row("empty object truthy", R"({"!!":[{}]})", "null", "true");
        row("empty array falsy", R"({"!!":[[]]})", "null", "false");
        row("string zero truthy", R"({"!!":["0"]})", "null", "true");
        row("array holding zero truthy", R"({"!!":[[0]]})", "null", "true");
        row("NaN falsy", R"({"!!":[{"/":[0,0]}]})", "null", "false");
        row("multi-key object is data", R"({"!!":{"a":1,"b":2}})", "null", "true");
        // ">" and ">=" take two parameters in json-logic-js: a third argument is ignored (no between).
        row("> ignores third", R"({">":[3,2,5]})", "null", "true");
        row(">= ignores third", R"({">=":[1,1,0]})", "null", "true");
        row("< between", R"({"<":[1,2,3]})", "null", "true");
        row("< between fails", R"({"<":[1,3,3]})", "null", "false");
        row("<= between edges", R"({"<=":[1,1,1]})", "null", "true");
        row("< with null third is a between", R"({"<":[1,2,null]})", "null", "false");
        row("string comparison is lexicographic", R"({"<":["10","9"]})", "null", "true");
        row("mixed comparison is numeric", R"({"<":["10",9]})", "null", "false");
        row("NaN comparisons are false", R"({"<":[1,"a"]})", "null", "false");
        row("NaN >= is false", R"({">=":["a",1]})", "null", "false");
        // The same comparisons with a var operand (compiled to fused var/number comparisons).
        row("var string vs number is numeric", R"({"<":[{"var":"a"},9]})", R"({"a":"10"})", "false");
        row("var non-numeric string", R"({">=":[{"var":"a"},1]})", R"({"a":"a"})", "false");
        row("var between with numeric string", R"({"<=":[1,{"var":"a"},3]})", R"({"a":"2"})", "true");
        row("var between with null", R"({"<=":[1,{"var":"a"},3]})", R"({"a":null})", "false");
        row("absent var compares as null = 0", R"({"<":[{"var":"a"},1]})", "{}", "true");
        row("absent var is not above 0", R"({">":[{"var":"a"},0]})", "{}", "false");
        row("var boolean compares as number", R"({">":[{"var":"a"},0]})", R"({"a":true})", "true");
        row("number then var", R"({">":[5,{"var":"a"}]})", R"({"a":[4]})", "true");
        // Number to string as Number.prototype.toString.
        row("integer without .0", R"({"cat":[1.0]})", "null", R"("1")");
        row("1e21", R"({"cat":[1e21]})", "null", R"("1e+21")");
        row("1e20 in full", R"({"cat":[1e20]})", "null", R"("100000000000000000000")");
        row("small exponent", R"({"cat":[1e-7]})", "null", R"("1e-7")");
        row("six decimals", R"({"cat":[0.000001]})", "null", R"("0.000001")");
        row("shortest round trip", R"({"cat":[{"+":[0.1,0.2]}]})", "null", R"("0.30000000000000004")");
        row("sum output", R"({"+":[0.1,0.2]})", "null", "0.30000000000000004");
        row("big product", R"({"*":[1e11,1e10]})", "null", "1e+21");
        row("cat null and arrays", R"({"cat":[null,"a",[1,[2,null]],true]})", "null", R"("a1,2,true")");
        row("cat object", R"({"cat":[{"a":1,"b":2}]})", "null", R"("[object Object]")");
        // + uses parseFloat (prefix parsing), - * / use ToNumber; unary forms.
        row("unary plus casts", R"({"+":"3.14"})", "null", "3.14");
        row("plus exponent string", R"({"+":["1e3"]})", "null", "1000");
        row("plus parseFloat prefix", R"({"+":["12abc",1]})", "null", "13");
        row("plus true is NaN", R"({"+":[true]})", "null", "null");
        row("plus no arguments", R"({"+":[]})", "null", "0");
        row("unary minus", R"({"-":"5"})", "null", "-5");
        row("minus boolean", R"({"-":[true]})", "null", "-1");
        row("minus strings", R"({"-":["10","4"]})", "null", "6");
        row("times single argument unchanged", R"({"*":["2"]})", "null", R"("2")");
        row("times strings", R"({"*":["2","3.5"]})", "null", "7");
        row("max of none", R"({"max":[]})", "null", "null");
        row("min coerces", R"({"min":[1,"0"]})", "null", "0");
        row("max with NaN", R"({"max":[1,"a"]})", "null", "null");
        // var: dotted paths, array indexes, defaults, whole data.
        row("var array index in path", R"({"var":"a.1.b"})", R"({"a":[{"b":1},{"b":2}]})", "2");
        row("var numeric key", R"({"var":1})", R"(["a","b"])", R"("b")");
        row("var default when parent null", R"({"var":["x.y",7]})", R"({"x":null})", "7");
        row("var found null is not defaulted", R"({"var":["x",7]})", R"({"x":null})", "null");
        row("var empty string is data", R"({"var":""})", R"({"a":1})", R"({"a":1})");
        row("var no argument is data", R"({"var":[]})", R"([1,2])", "[1,2]");
        row("var string length", R"({"var":"s.length"})", R"({"s":"abcd"})", "4");
        row("var string index", R"({"var":"s.1"})", R"({"s":"abcd"})", R"("b")");
        row("var computed path", R"({"var":{"cat":["a",".","b"]}})", R"({"a":{"b":5}})", "5");
        row("var computed default", R"({"var":["zz",{"+":[1,1]}]})", "{}", "2");
        row("var missing default null", R"({"var":"nope"})", "{}", "null");
        // in: substring for strings, strict membership for arrays; a falsy haystack is false.
        row("in empty haystack", R"({"in":["",""]})", "null", "false");
        row("in empty needle", R"({"in":["","abc"]})", "null", "true");
        row("in number in string", R"({"in":[1,"a1b"]})", "null", "true");
        row("in is strict for arrays", R"({"in":[1,["1"]]})", "null", "false");
        row("in object haystack", R"({"in":["a",{"a":1,"b":1}]})", "null", "false");
        row("in constant strings from data", R"({"in":[{"var":"c"},["x","yy","z"]]})", R"({"c":"yy"})",
            "true");
        row("in constant strings, number needle", R"({"in":[{"var":"c"},["1"]]})", R"({"c":1})", "false");
        // substr: negative start and length (PHP-like emulation in json-logic-js).
        row("substr beyond end", R"({"substr":["jsonlogic",20]})", "null", R"("")");
        row("substr start before beginning", R"({"substr":["abc",-10]})", "null", R"("abc")");
        row("substr of a number", R"({"substr":[12345,1,2]})", "null", R"("23")");
        row("substr negative length", R"({"substr":["jsonlogic",1,-5]})", "null", R"("son")");
        row("substr of undefined", R"({"substr":[]})", "null", R"("undefined")");
        // if / and / or
        row("if without arguments", R"({"if":[]})", "null", "null");
        row("if without else", R"({"if":[false,1]})", "null", "null");
        row("if chain", R"({"if":[false,1,false,2,3]})", "null", "3");
        row("?: alias", R"({"?:":[0,"a","b"]})", "null", R"("b")");
        row("or returns deciding value", R"({"or":[0,"",[],"x"]})", "null", R"("x")");
        row("or returns last falsy", R"({"or":[0,""]})", "null", R"("")");
        row("and returns first falsy", R"({"and":[1,[],2]})", "null", "[]");
        row("and empty is undefined, written null", R"({"and":[]})", "null", "null");
        // arrays
        row("merge flattens one level", R"({"merge":[[1,[2]],3]})", "null", "[1,[2],3]");
        row("map over non-array", R"({"map":[5,{"var":""}]})", "null", "[]");
        row("filter", R"({"filter":[[1,2,3,4],{"%":[{"var":""},2]}]})", "null", "[1,3]");
        row("reduce with initial",
            R"({"reduce":[[1,2,3],{"+":[{"var":"current"},{"var":"accumulator"}]},10]})", "null", "16");
        row("reduce without initial starts at null, NaN",
            R"({"reduce":[[1,2],{"+":[{"var":"current"},{"var":"accumulator"}]}]})", "null", "null");
        row("reduce over non-array gives initial", R"({"reduce":[7,{"var":"current"},3]})", "null", "3");
        row("all of empty is false", R"({"all":[[],true]})", "null", "false");
        row("none of empty is true", R"({"none":[[],true]})", "null", "true");
        row("some of data", R"({"some":[{"var":"xs"},{">":[{"var":""},2]}]})", R"({"xs":[1,3]})", "true");
        // literal data
        row("array rule evaluates elements", R"([{"var":"a"},2])", R"({"a":1})", "[1,2]");
        row("multi-key object returned as is", R"({"a":{"var":"x"},"b":1})", "null",
            R"({"a":{"var":"x"},"b":1})");
        // (ordinary literal: moc cannot tokenize backslashes inside raw strings)
        row("string escapes", "{\"cat\":[\"a\\\"b\\\\c\\n\\u0001\"]}", "null", "\"a\\\"b\\\\c\\n\\u0001\"");
    }

    void evaluate()
    {
        QFETCH(QByteArray, rule);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, expected);
        QCOMPARE(run(rule.constData(), data.constData()).toJsonText(), expected);
    }

    /// The values behind the JSON text: IEEE results and JavaScript undefined are kept in Value.
    void specialValues()
    {
        const Value inf = run(R"({"/":[1,0]})");
        QVERIFY(inf.isNumber());
        QVERIFY(std::isinf(inf.numberValue()) && inf.numberValue() > 0);
        QVERIFY(std::isinf(run(R"({"/":[-1,0]})").numberValue()));
        QVERIFY(run(R"({"/":[-1,0]})").numberValue() < 0);
        QVERIFY(std::isnan(run(R"({"/":[0,0]})").numberValue()));
        QVERIFY(run(R"({"and":[]})").isUndefined());
        QVERIFY(run(R"({"if":[]})").isNull());
        // toJson(): NaN and Infinity become null; undefined stays undefined at top level
        QCOMPARE(inf.toJson(), QJsonValue(QJsonValue::Null));
        QCOMPARE(run(R"({"and":[]})").toJson().type(), QJsonValue::Undefined);
        QVERIFY(truthy(json("{}")));
        QVERIFY(!truthy(json("[]")));
        QVERIFY(truthy(json(R"("0")")));
        QVERIFY(!truthy(json("0")));
        QVERIFY(!truthy(Value::undefined()));
    }

    /// Every compile error names the operator and its JSON Pointer inside the rule.
    void compileErrors_data()
    {
        QTest::addColumn<QByteArray>("rule");
        QTest::addColumn<QString>("message");
        QTest::newRow("root") << QByteArray(R"({"foo":1})")
                              << QStringLiteral("Unrecognized operation foo at /foo");
        QTest::newRow("inside and") << QByteArray(R"({"and":[true,{"foo":1}]})")
                                    << QStringLiteral("Unrecognized operation foo at /and/1/foo");
        // compiled eagerly: an unknown operator is an error even in a branch that is never taken
        QTest::newRow("untaken branch") << QByteArray(R"({"if":[true,1,{"bad":2}]})")
                                        << QStringLiteral("Unrecognized operation bad at /if/2/bad");
        QTest::newRow("unary shorthand") << QByteArray(R"({"var":{"nope":[]}})")
                                         << QStringLiteral("Unrecognized operation nope at /var/nope");
        QTest::newRow("array rule") << QByteArray(R"([1,{"x":[]}])")
                                    << QStringLiteral("Unrecognized operation x at /1/x");
        QTest::newRow("pointer escaping") << QByteArray(R"({"!":[{"a/b~":1}]})")
                                          << QStringLiteral("Unrecognized operation a/b~ at /!/0/a~1b~0");
        QTest::newRow("dotted custom operations do not exist")
            << QByteArray(R"({"Math.abs":[-1]})")
            << QStringLiteral("Unrecognized operation Math.abs at /Math.abs");
        // Array.prototype.reduce without initial value throws on no arguments in json-logic-js
        QTest::newRow("times without arguments")
            << QByteArray(R"({"*":[]})")
            << QStringLiteral("The operation * at /* needs at least 1 argument(s).");
    }

    void compileErrors()
    {
        QFETCH(QByteArray, rule);
        QFETCH(QString, message);
        QString error;
        const CompiledRule compiled = CompiledRule::compileJson(rule, &error);
        QVERIFY(!compiled.isValid());
        QCOMPARE(error, message);
        QCOMPARE(compiled.errorString(), message);
        QVERIFY(compiled.evaluate(Value()).isUndefined());
        QVERIFY(!compiled.matches(Value()));
    }

    void malformedJson()
    {
        QString error;
        const CompiledRule compiled = CompiledRule::compileJson("{\"==\":[1,", &error);
        QVERIFY(!compiled.isValid());
        QVERIFY2(error.startsWith(QStringLiteral("The rule is not valid JSON: ")), qPrintable(error));
        QVERIFY(!CompiledRule().isValid());
        QVERIFY(Value::parseJson("[1,]").isUndefined());
        QVERIFY(Value::parseJson("").isUndefined());
        QCOMPARE(Value::parseJson("  42 ").numberValue(), 42.0); // scalars are JSON texts too
        // the direct reader and the QJsonDocument fallback agree on strings with escapes and UTF-8
        QCOMPARE(Value::parseJson("\"a\\u00e9\\ud83d\\ude00\\n\xe6\xb9\x98\"").stringValue(),
                 QString::fromUtf8("a\u00e9\U0001F600\n\u6e58"));
        QCOMPARE(Value::parseJson(R"({"a":1,"a":2})").toJsonText(), QByteArray(R"({"a":2})")); // last wins
        QVERIFY(Value::parseJson("\"\xff\"").isUndefined()); // invalid UTF-8
        QVERIFY(Value::parseJson("01").isUndefined());       // no leading zeros
        QVERIFY(Value::parseJson("[1] x").isUndefined());    // trailing garbage
        QCOMPARE(Value::parseJson("-1.5e3").numberValue(), -1500.0);
    }

    /// A rule compiled once gives, for many data objects, exactly what a direct computation gives; copies
    /// share the compiled tree and may run on several threads at once.
    void compileOnceEvaluateMany()
    {
        QString error;
        const CompiledRule rule = CompiledRule::compileJson(
            R"({"and":[{">=":[{"var":"firm.years"},3]},{"in":[{"var":"firm.region"},["430104","430111"]]},
                       {"<=":[1,{"var":["firm.staff",0]},300]},{"!":{"missing":["firm.tax"]}}]})",
            &error);
        QVERIFY2(rule.isValid(), qPrintable(error));
        const QStringList regions{QStringLiteral("430104"), QStringLiteral("430111"),
                                  QStringLiteral("430121")};
        std::vector<Value> facts;
        std::vector<bool> expected;
        for (int i = 0; i < 3000; ++i) {
            const int years = i % 7;
            const QString region = regions.at(i % 3);
            const int staff = (i * 37) % 400;
            const bool hasTax = i % 5 != 0;
            std::vector<std::pair<QString, Value>> firm{{QStringLiteral("years"), Value(years)},
                                                        {QStringLiteral("region"), Value(region)},
                                                        {QStringLiteral("staff"), Value(staff)}};
            if (hasTax)
                firm.emplace_back(QStringLiteral("tax"), Value(QStringLiteral("A")));
            facts.push_back(Value::object({{QStringLiteral("firm"), Value::object(firm)}}));
            expected.push_back(years >= 3 && region != u"430121" && staff >= 1 && staff <= 300 && hasTax);
        }
        const CompiledRule copy = rule; // shares the compiled program
        int truthyCount = 0;
        for (size_t i = 0; i < facts.size(); ++i) {
            QCOMPARE(rule.matches(facts[i]), bool(expected[i]));
            QCOMPARE(copy.evaluate(facts[i]).boolValue(), bool(expected[i]));
            truthyCount += expected[i] ? 1 : 0;
        }
        QVERIFY(truthyCount > 100 && truthyCount < 2900); // the data exercises both outcomes
        // concurrent evaluation of one compiled rule
        std::vector<int> perThread(2, 0);
        std::vector<std::thread> threads;
        for (int t = 0; t < 2; ++t) {
            threads.emplace_back([&, t] {
                for (int rep = 0; rep < 20; ++rep) {
                    for (const Value &f : facts)
                        perThread[size_t(t)] += rule.matches(f) ? 1 : 0;
                }
            });
        }
        for (std::thread &th : threads)
            th.join();
        QCOMPARE(perThread[0], truthyCount * 20);
        QCOMPARE(perThread[1], truthyCount * 20);
    }

    void valueRoundTrip()
    {
        const Value v = json(R"({"b":[1,2.5,"x",null,true],"a":{"c":"中文"}})");
        // parseJson keeps the document's member order, as JSON.parse does
        QCOMPARE(v.toJsonText(), QByteArray(R"({"b":[1,2.5,"x",null,true],"a":{"c":"中文"}})"));
        // through QJsonValue (whose objects sort their keys) the content survives
        QVERIFY(Value::fromJson(v.toJson()).deepEquals(v));
        QCOMPARE(Value::fromJson(v.toJson()).toJsonText(),
                 QByteArray(R"({"a":{"c":"中文"},"b":[1,2.5,"x",null,true]})"));
        QVERIFY(v.deepEquals(json(R"({"a":{"c":"中文"},"b":[1,2.5,"x",null,true]})")));
        QVERIFY(!v.deepEquals(json(R"({"a":{"c":"中文"},"b":[1,2.5,"x",null,false]})")));
        QCOMPARE(v.member(QStringLiteral("a"))->member(QStringLiteral("c"))->stringValue(),
                 QStringLiteral("中文"));
        QVERIFY(v.member(QStringLiteral("zzz-not-a-key")) == nullptr);
        QCOMPARE(v.keys(), QStringList({QStringLiteral("b"), QStringLiteral("a")}));
        // Value::object keeps insertion order for output and lets the last duplicate win
        const Value o = Value::object({{QStringLiteral("z"), Value(1)},
                                       {QStringLiteral("y"), Value(2)},
                                       {QStringLiteral("z"), Value(3)}});
        QCOMPARE(o.toJsonText(), QByteArray(R"({"z":3,"y":2})"));
    }
};

QTEST_GUILESS_MAIN(TestRulesSemantics)
#include "tst_rulessemantics.moc"
