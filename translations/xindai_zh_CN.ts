<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AuthorizationCommand</name>
        <message>
            <location filename="../app/cli/authorizationcommand.cpp" line="+29" />
            <source>Usage: authorization grant --db FILE.db --firm USCC --institution ID|CODE --purpose TEXT --days N [--from YYYY-MM-DD].</source>
            <translation>用法：authorization grant --db FILE.db --firm USCC --institution ID|CODE --purpose TEXT --days N [--from YYYY-MM-DD]。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The option %1 needs a value. </source>
            <translation>选项 %1 需要一个值。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Unknown option %1. </source>
            <translation>未知选项 %1。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The option --days needs a whole number of days from 1 to 3660.</source>
            <translation>选项 --days 需要 1 到 3660 之间的整数天数。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The option --from needs a date in the form YYYY-MM-DD.</source>
            <translation>选项 --from 需要 YYYY-MM-DD 格式的日期。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>No enterprise with the code or id %1 is in the store.</source>
            <translation>数据库中没有代码或 ID 为 %1 的企业。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>No institution with the id or code %1 is in the store.</source>
            <translation>数据库中没有 ID 或代码为 %1 的机构。</translation>
        </message>
    </context>
    <context>
        <name>DemoCommand</name>
        <message>
            <location filename="../app/cli/democommand.cpp" line="+33" />
            <source>Usage: demo generate --firms N --out FILE.db [--seed S] [--as-of YYYY-MM-DD] [--force] [--password-iterations N].</source>
            <translation>用法：demo generate --firms N --out FILE.db [--seed S] [--as-of YYYY-MM-DD] [--force] [--password-iterations N]。</translation>
        </message>
        <message>
            <location line="+17" />
            <source>The option --firms needs a whole number between 0 and 1000000.</source>
            <translation>选项 --firms 需要 0 到 1000000 之间的整数。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The option --seed needs a whole number between 0 and 4294967295.</source>
            <translation>选项 --seed 需要 0 到 4294967295 之间的整数。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The option --password-iterations needs a whole number of at least 1.</source>
            <translation>选项 --password-iterations 需要不小于 1 的整数。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The option --as-of needs a date written YYYY-MM-DD.</source>
            <translation>选项 --as-of 需要 YYYY-MM-DD 格式的日期。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The option --out needs a file name.</source>
            <translation>选项 --out 需要一个文件名。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The option %1 is not known to 'demo generate'.</source>
            <translation>“demo generate”不认识选项 %1。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The option --out FILE.db is required: it names the store file to create.</source>
            <translation>必须提供选项 --out FILE.db：它指定要创建的数据库文件。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>xindai-cli: the file %1 already exists; pass --force to replace it.</source>
            <translation>xindai-cli：文件 %1 已存在；如需替换请加 --force。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>xindai-cli: the existing file %1 could not be removed.</source>
            <translation>xindai-cli：无法删除已有文件 %1。</translation>
        </message>
    </context>
    <context>
        <name>DemoGenerator</name>
        <message>
            <location filename="../modules/demo/demogenerator.cpp" line="+82" />
            <source>The number of demo firms must not be negative (got %1).</source>
            <translation>演示企业数量不能为负数（收到 %1）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The demo dataset's reference date is not a valid date.</source>
            <translation>演示数据集的基准日期不是有效日期。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The file %1 already exists; the demo dataset is only written to a new file.</source>
            <translation>文件 %1 已存在；演示数据集只能写入新文件。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The demo store %1 could not be created: %2</source>
            <translation>无法创建演示数据库 %1：%2</translation>
        </message>
        <message>
            <location line="+9" />
            <location line="+7" />
            <source>The demo dataset generation was cancelled.</source>
            <translation>演示数据集的生成已取消。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The demo data could not be written to %1: %2</source>
            <translation>无法将演示数据写入 %1：%2</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The demo store %1 could not be completed: its write-ahead log was not checkpointed.</source>
            <translation>演示数据库 %1 未能完成：其预写日志未能写回（checkpoint）。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The demo store could not be moved to %1.</source>
            <translation>无法将演示数据库移动到 %1。</translation>
        </message>
    </context>
    <context>
        <name>ImportCommand</name>
        <message>
            <location filename="../app/cli/importcommand.cpp" line="+28" />
            <source>Usage: import --db FILE.db --kind firms|series FILE.csv [--encoding auto|utf-8|gb18030] [--on-duplicate update|skip].</source>
            <translation>用法：import --db FILE.db --kind firms|series FILE.csv [--encoding auto|utf-8|gb18030] [--on-duplicate update|skip]。</translation>
        </message>
        <message>
            <location line="+20" />
            <source>The option --kind needs firms or series.</source>
            <translation>选项 --kind 需要 firms 或 series。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The option --encoding needs auto, utf-8 or gb18030.</source>
            <translation>选项 --encoding 需要 auto、utf-8 或 gb18030。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The option --on-duplicate needs update or skip.</source>
            <translation>选项 --on-duplicate 需要 update 或 skip。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The option %1 is not known to 'import'.</source>
            <translation>“import”不认识选项 %1。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Only one CSV file can be imported at a time.</source>
            <translation>一次只能导入一个 CSV 文件。</translation>
        </message>
    </context>
    <context>
        <name>PrereviewCommand</name>
        <message>
            <location filename="../app/cli/prereviewcommand.cpp" line="+28" />
            <source>Usage: prereview --db FILE.db --application ID|NUMBER [--lang zh|en] [--as-of YYYY-MM-DD].</source>
            <translation>用法：prereview --db FILE.db --application ID|NUMBER [--lang zh|en] [--as-of YYYY-MM-DD]。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Unknown argument %1. </source>
            <translation>未知参数 %1。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The option %1 needs a value. </source>
            <translation>选项 %1 需要一个值。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The option %1 is required. </source>
            <translation>必须提供选项 %1。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The option --lang accepts zh or en.</source>
            <translation>选项 --lang 只接受 zh 或 en。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The option --as-of needs a date in the form YYYY-MM-DD.</source>
            <translation>选项 --as-of 需要 YYYY-MM-DD 格式的日期。</translation>
        </message>
    </context>
    <context>
        <name>ReportCommand</name>
        <message>
            <location filename="../app/cli/reportcommand.cpp" line="+36" />
            <source>Unknown option %1.</source>
            <translation>未知选项 %1。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The option %1 needs a value.</source>
            <translation>选项 %1 需要一个值。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Usage: report render --db FILE.db --firm USCC --institution ID|CODE --purpose TEXT --out FILE.pdf [--key PEM] [--as-of YYYY-MM-DD] [--language zh|en] [--user NAME].</source>
            <translation>用法：report render --db FILE.db --firm USCC --institution ID|CODE --purpose TEXT --out FILE.pdf [--key PEM] [--as-of YYYY-MM-DD] [--language zh|en] [--user NAME]。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The option %1 is required. </source>
            <translation>必须提供选项 %1。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The option --as-of needs a date in the form YYYY-MM-DD.</source>
            <translation>选项 --as-of 需要 YYYY-MM-DD 格式的日期。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The option --language accepts zh or en.</source>
            <translation>选项 --language 只接受 zh 或 en。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The key %1 holds no private key.</source>
            <translation>密钥 %1 不含私钥。</translation>
        </message>
        <message>
            <location line="+17" />
            <source>The report file %1 cannot be written: %2.</source>
            <translation>无法写入报告文件 %1：%2。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Usage: report verify FILE.pdf [--pubkey PEM] [--db FILE.db] (checks the record too).</source>
            <translation>用法：report verify FILE.pdf [--pubkey PEM] [--db FILE.db]（同时核对记录）。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>the file %1 cannot be read: %2</source>
            <translation>无法读取文件 %1：%2</translation>
        </message>
        <message>
            <location line="+23" />
            <source>the report %1 is not in the suite's records</source>
            <translation>报告 %1 不在本套件的记录中</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the report %1 differs from the one the suite recorded</source>
            <translation>报告 %1 与本套件记录的不一致</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Usage: report render … | report verify FILE.pdf [--pubkey PEM].</source>
            <translation>用法：report render … | report verify FILE.pdf [--pubkey PEM]。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::App::Main</name>
        <message>
            <location filename="../app/desktop/main.cpp" line="+98" />
            <location line="+203" />
            <source>Cannot create the folder of the database %1.</source>
            <translation>无法创建数据库 %1 所在的文件夹。</translation>
        </message>
        <message>
            <location line="-199" />
            <source>Creating the demo database (600 firms) at %1 …</source>
            <translation>正在 %1 创建演示数据库（600 家企业）……</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+196" />
            <location line="+9" />
            <location line="+14" />
            <source>XinDai Workbench</source>
            <translation>湘信贷工作台</translation>
        </message>
        <message>
            <location line="-207" />
            <source>Creating the demo database was cancelled.</source>
            <translation>演示数据库的创建已取消。</translation>
        </message>
        <message>
            <location line="+194" />
            <source>The demo database could not be created at %1: %2</source>
            <translation>无法在 %1 创建演示数据库：%2</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The database %1 cannot be opened: %2</source>
            <translation>无法打开数据库 %1：%2</translation>
        </message>
        <message>
            <location line="+95" />
            <source>The server cannot be reached: signed in with the data on this computer.</source>
            <translation>无法连接服务器：已使用本计算机上的数据登录。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The first synchronisation did not finish: %1</source>
            <translation>首次同步未完成：%1</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+71" />
            <source>The account could not be stored for offline sign-in: %1</source>
            <translation>无法保存该账户以供离线登录：%1</translation>
        </message>
        <message>
            <location line="-18" />
            <location line="+10" />
            <source>Sign in to the server</source>
            <translation>登录服务器</translation>
        </message>
        <message>
            <location line="-9" />
            <source>Password of %1 for the sync server:</source>
            <translation>%1 在同步服务器上的密码：</translation>
        </message>
        <message>
            <location line="+31" />
            <source>No firm with the USCC %1 in the database.</source>
            <translation>数据库中没有统一社会信用代码为 %1 的企业。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Cli::CalendarCommand</name>
        <message>
            <location filename="../app/cli/calendarcommand.cpp" line="+29" />
            <source>calendar: %1 "%2" is not a valid date in the form YYYY-MM-DD.</source>
            <translation>calendar：%1“%2”不是 YYYY-MM-DD 格式的有效日期。</translation>
        </message>
        <message>
            <location line="+21" />
            <source>calendar %1: expected two dates, FROM and TO (YYYY-MM-DD).</source>
            <translation>calendar %1：需要两个日期 FROM 和 TO（YYYY-MM-DD）。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>calendar days: TO (%1) is before FROM (%2).</source>
            <translation>calendar days：TO（%1）早于 FROM（%2）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>calendar days: the range from %1 to %2 is longer than 100 years.</source>
            <translation>calendar days：从 %1 到 %2 的范围超过 100 年。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>calendar add-workdays: expected a DATE (YYYY-MM-DD) and a number N.</source>
            <translation>calendar add-workdays：需要一个日期 DATE（YYYY-MM-DD）和一个数字 N。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>calendar add-workdays: N "%1" is not a whole number of working days between -36600 and 36600.</source>
            <translation>calendar add-workdays：N“%1”不是 -36600 到 36600 之间的整数个工作日。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>calendar: expected a subcommand: days, add-workdays or workdays-between.</source>
            <translation>calendar：需要子命令：days、add-workdays 或 workdays-between。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>calendar: unknown subcommand "%1"; expected days, add-workdays or workdays-between.</source>
            <translation>calendar：未知子命令“%1”；应为 days、add-workdays 或 workdays-between。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Cli::Rules</name>
        <message>
            <location filename="../app/cli/rulescommand.cpp" line="+56" />
            <source>Line %1 is not valid JSON: %2 at offset %3.</source>
            <translation>第 %1 行不是有效的 JSON：偏移 %3 处 %2。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Line %1 must be a JSON object with a "rule" member.</source>
            <translation>第 %1 行必须是带有“rule”成员的 JSON 对象。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Line %1: %2</source>
            <translation>第 %1 行：%2</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Cannot read the %1 file %2: %3.</source>
            <translation>无法读取%1文件 %2：%3。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The %1 file %2 is not valid JSON: %3.</source>
            <translation>%1文件 %2 不是有效的 JSON：%3。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The %1 file %2 must hold a JSON array.</source>
            <translation>%1文件 %2 必须包含一个 JSON 数组。</translation>
        </message>
        <message>
            <location line="+41" />
            <source>rules</source>
            <translation>规则</translation>
        </message>
        <message>
            <location line="+15" />
            <source>facts</source>
            <translation>事实</translation>
        </message>
        <message>
            <location line="-7" />
            <source>Rule %1 (0-based) cannot be compiled: %2</source>
            <translation>规则 %1（从 0 起计）无法编译：%2</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Core::FirmSizeClassifier</name>
        <message>
            <location filename="../modules/core/firmsize.cpp" line="+185" />
            <source>Large</source>
            <comment>firm size</comment>
            <translation>大型</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Medium</source>
            <comment>firm size</comment>
            <translation>中型</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Small</source>
            <comment>firm size</comment>
            <translation>小型</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Micro</source>
            <comment>firm size</comment>
            <translation>微型</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Agriculture, forestry, animal husbandry and fishery</source>
            <translation>农、林、牧、渔业</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Industry (mining, manufacturing, power, heat, gas and water)</source>
            <translation>工业（采矿业，制造业，电力、热力、燃气及水生产和供应业）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Construction</source>
            <translation>建筑业</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Wholesale</source>
            <translation>批发业</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Retail</source>
            <translation>零售业</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Transport</source>
            <translation>交通运输业</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Warehousing</source>
            <translation>仓储业</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Postal services</source>
            <translation>邮政业</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Accommodation</source>
            <translation>住宿业</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Catering</source>
            <translation>餐饮业</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Information transmission</source>
            <translation>信息传输业</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Software and information technology services</source>
            <translation>软件和信息技术服务业</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Real estate development</source>
            <translation>房地产开发经营</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Property management</source>
            <translation>物业管理</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Leasing and business services</source>
            <translation>租赁和商务服务业</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Other industries not listed</source>
            <translation>其他未列明行业</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Core::Money</name>
        <message>
            <location filename="../modules/core/money.cpp" line="+99" />
            <source>The amount is empty.</source>
            <translation>金额为空。</translation>
        </message>
        <message>
            <location line="+21" />
            <source>The amount "%1" has more than one sign.</source>
            <translation>金额“%1”含有多个正负号。</translation>
        </message>
        <message>
            <location line="+31" />
            <source>The amount "%1" has more than one decimal point.</source>
            <translation>金额“%1”含有多个小数点。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The amount "%1" has a thousands separator after the decimal point.</source>
            <translation>金额“%1”在小数点后含有千位分隔符。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The amount "%1" has a sign in the wrong place or more than one sign.</source>
            <translation>金额“%1”的正负号位置错误或含有多个正负号。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The amount "%1" contains the character "%2", which is not part of an amount.</source>
            <translation>金额“%1”含有字符“%2”，它不属于金额的一部分。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The amount "%1" has no digits.</source>
            <translation>金额“%1”没有数字。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The amount "%1" needs a digit before the decimal point.</source>
            <translation>金额“%1”的小数点前需要数字。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The amount "%1" needs a digit after the decimal point.</source>
            <translation>金额“%1”的小数点后需要数字。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The amount "%1" has a misplaced thousands separator: commas must separate groups of exactly three digits.</source>
            <translation>金额“%1”的千位分隔符位置错误：逗号必须恰好每三位数字分隔一次。</translation>
        </message>
        <message>
            <location line="+18" />
            <source>The amount "%1" is more precise than one fen (0.01 yuan).</source>
            <translation>金额“%1”的精度超过了 1 分（0.01 元）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The amount "%1" is too large.</source>
            <translation>金额“%1”过大。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Core::ResidentId</name>
        <message>
            <location filename="../modules/core/residentid.cpp" line="+90" />
            <source>The resident ID number is empty.</source>
            <translation>居民身份证号码为空。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The resident ID number must have 18 characters, but it has %1.</source>
            <translation>居民身份证号码必须为 18 位，但实际为 %1 位。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Character '%1' at position %2 of the resident ID number is not a digit.</source>
            <translation>居民身份证号码第 %2 位的字符“%1”不是数字。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The last character of the resident ID number must be a digit or X, but it is '%1'.</source>
            <translation>居民身份证号码的最后一位必须是数字或 X，但实际为“%1”。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The birth date %1 in the resident ID number is not a real date.</source>
            <translation>居民身份证号码中的出生日期 %1 不是真实存在的日期。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The birth date %1 in the resident ID number is in the future.</source>
            <translation>居民身份证号码中的出生日期 %1 晚于今天。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The check digit of the resident ID number should be '%1' but is '%2'.</source>
            <translation>居民身份证号码的校验码应为“%1”，但实际为“%2”。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The region code %1 of the resident ID number is not a known GB/T 2260 region.</source>
            <translation>居民身份证号码的地区码 %1 不是已知的 GB/T 2260 行政区划。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The region code %1 of the resident ID number is not in the region table; only its province, %2, is known.</source>
            <translation>居民身份证号码的地区码 %1 不在行政区划表中；仅能识别其所在省份 %2。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Core::Uscc</name>
        <message>
            <location filename="../modules/core/uscc.cpp" line="+35" />
            <source>Establishment office</source>
            <comment>USCC registration authority</comment>
            <extracomment>USCC registration authority 1: 机构编制</extracomment>
            <translation>机构编制</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Government body</source>
            <comment>USCC entity type</comment>
            <extracomment>机关</extracomment>
            <translation>机关</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Public institution</source>
            <comment>USCC entity type</comment>
            <extracomment>事业单位</extracomment>
            <translation>事业单位</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Mass organisation under the central establishment office</source>
            <comment>USCC entity type</comment>
            <extracomment>中央编办直接管理机构编制的群众团体</extracomment>
            <translation>中央编办直接管理机构编制的群众团体</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+6" />
            <location line="+16" />
            <location line="+6" />
            <location line="+9" />
            <location line="+12" />
            <location line="+8" />
            <location line="+5" />
            <location line="+16" />
            <location line="+15" />
            <location line="+3" />
            <source>Other</source>
            <comment>USCC entity type</comment>
            <extracomment>其他</extracomment>
            <translation>其他</translation>
        </message>
        <message>
            <location line="-94" />
            <source>Foreign affairs</source>
            <comment>USCC registration authority</comment>
            <extracomment>外交</extracomment>
            <translation>外交</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Resident foreign news agency</source>
            <comment>USCC entity type</comment>
            <extracomment>外国常驻新闻机构</extracomment>
            <translation>外国常驻新闻机构</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Judicial administration</source>
            <comment>USCC registration authority</comment>
            <extracomment>司法行政</extracomment>
            <translation>司法行政</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Law firm</source>
            <comment>USCC entity type</comment>
            <extracomment>律师执业机构</extracomment>
            <translation>律师执业机构</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Notary office</source>
            <comment>USCC entity type</comment>
            <extracomment>公证处</extracomment>
            <translation>公证处</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Grassroots legal service office</source>
            <comment>USCC entity type</comment>
            <extracomment>基层法律服务所</extracomment>
            <translation>基层法律服务所</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Forensic appraisal institution</source>
            <comment>USCC entity type</comment>
            <extracomment>司法鉴定机构</extracomment>
            <translation>司法鉴定机构</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Arbitration commission</source>
            <comment>USCC entity type</comment>
            <extracomment>仲裁委员会</extracomment>
            <translation>仲裁委员会</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Culture</source>
            <comment>USCC registration authority</comment>
            <extracomment>文化</extracomment>
            <translation>文化</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Foreign cultural centre in China</source>
            <comment>USCC entity type</comment>
            <extracomment>外国在华文化中心</extracomment>
            <translation>外国在华文化中心</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Civil affairs</source>
            <comment>USCC registration authority</comment>
            <extracomment>民政</extracomment>
            <translation>民政</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Social organisation</source>
            <comment>USCC entity type</comment>
            <extracomment>社会团体</extracomment>
            <translation>社会团体</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Private non-enterprise unit</source>
            <comment>USCC entity type</comment>
            <extracomment>民办非企业单位</extracomment>
            <translation>民办非企业单位</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Foundation</source>
            <comment>USCC entity type</comment>
            <extracomment>基金会</extracomment>
            <translation>基金会</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Tourism</source>
            <comment>USCC registration authority</comment>
            <extracomment>旅游</extracomment>
            <translation>旅游</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Resident office of a foreign tourism authority</source>
            <comment>USCC entity type</comment>
            <extracomment>外国旅游部门常驻代表机构</extracomment>
            <translation>外国旅游部门常驻代表机构</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Resident office of a Hong Kong, Macao or Taiwan tourism authority</source>
            <comment>USCC entity type</comment>
            <extracomment>港澳台地区旅游部门常驻内地（大陆）代表机构</extracomment>
            <translation>港澳台地区旅游部门常驻内地（大陆）代表机构</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Religious affairs</source>
            <comment>USCC registration authority</comment>
            <extracomment>宗教</extracomment>
            <translation>宗教</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Place of religious activity</source>
            <comment>USCC entity type</comment>
            <extracomment>宗教活动场所</extracomment>
            <translation>宗教活动场所</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Religious college</source>
            <comment>USCC entity type</comment>
            <extracomment>宗教院校</extracomment>
            <translation>宗教院校</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Trade union</source>
            <comment>USCC registration authority</comment>
            <extracomment>工会</extracomment>
            <translation>工会</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Grassroots trade union</source>
            <comment>USCC entity type</comment>
            <extracomment>基层工会</extracomment>
            <translation>基层工会</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Market regulation</source>
            <comment>USCC registration authority</comment>
            <extracomment>工商 (市场监管)</extracomment>
            <translation>工商</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Enterprise</source>
            <comment>USCC entity type</comment>
            <extracomment>企业</extracomment>
            <translation>企业</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Individual business</source>
            <comment>USCC entity type</comment>
            <extracomment>个体工商户</extracomment>
            <translation>个体工商户</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Farmers' cooperative</source>
            <comment>USCC entity type</comment>
            <extracomment>农民专业合作社</extracomment>
            <translation>农民专业合作社</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Central Military Commission reform and establishment office</source>
            <comment>USCC registration authority</comment>
            <extracomment>中央军委改革和编制办公室</extracomment>
            <translation>中央军委改革和编制办公室</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Military public institution</source>
            <comment>USCC entity type</comment>
            <extracomment>军队事业单位</extracomment>
            <translation>军队事业单位</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Agriculture</source>
            <comment>USCC registration authority</comment>
            <extracomment>农业</extracomment>
            <translation>农业</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Group-level collective economic organisation</source>
            <comment>USCC entity type</comment>
            <extracomment>组级集体经济组织</extracomment>
            <translation>组级集体经济组织</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Village-level collective economic organisation</source>
            <comment>USCC entity type</comment>
            <extracomment>村级集体经济组织</extracomment>
            <translation>村级集体经济组织</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Township-level collective economic organisation</source>
            <comment>USCC entity type</comment>
            <extracomment>乡镇级集体经济组织</extracomment>
            <translation>乡镇级集体经济组织</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Other</source>
            <comment>USCC registration authority</comment>
            <extracomment>其他</extracomment>
            <translation>其他</translation>
        </message>
        <message>
            <location line="+80" />
            <source>The unified social credit code is empty.</source>
            <translation>统一社会信用代码为空。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The unified social credit code must have 18 characters, but it has %1.</source>
            <translation>统一社会信用代码必须为 18 位，但实际为 %1 位。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Character '%1' at position %2 of the unified social credit code is not allowed: only digits and capital letters other than I, O, Z, S and V are used.</source>
            <translation>统一社会信用代码第 %2 位的字符“%1”不允许使用：只能使用数字和除 I、O、Z、S、V 以外的大写字母。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The check character of the unified social credit code should be '%1' but is '%2'.</source>
            <translation>统一社会信用代码的校验码应为“%1”，但实际为“%2”。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The registration authority code '%1' of the unified social credit code is not in GB 32100-2015.</source>
            <translation>统一社会信用代码的登记管理部门码“%1”不在 GB 32100-2015 中。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The entity type code '%1' of the unified social credit code is not defined for registration authority '%2'.</source>
            <translation>统一社会信用代码的机构类别码“%1”未在登记管理部门“%2”下定义。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The region code %1 of the unified social credit code is not a known GB/T 2260 region.</source>
            <translation>统一社会信用代码的地区码 %1 不是已知的 GB/T 2260 行政区划。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The region code %1 of the unified social credit code is not in the region table; only its province, %2, is known.</source>
            <translation>统一社会信用代码的地区码 %1 不在行政区划表中；仅能识别其所在省份 %2。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Core::WorkCalendar</name>
        <message>
            <location filename="../modules/core/workcalendar.cpp" line="+91" />
            <source>The holiday calendar is not valid JSON at offset %1: %2.</source>
            <translation>节假日日历在偏移 %1 处不是有效的 JSON：%2。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The holiday calendar must be a JSON object.</source>
            <translation>节假日日历必须是一个 JSON 对象。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The holiday calendar has schema %1, but only schema %2 is supported.</source>
            <translation>节假日日历的格式版本为 %1，但仅支持版本 %2。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The holiday calendar needs a "version" that is a positive integer.</source>
            <translation>节假日日历需要一个正整数“version”。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The holiday calendar needs a non-empty "years" list.</source>
            <translation>节假日日历需要一个非空的“years”列表。</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Entry %1 of the holiday calendar's "years" list has no valid "year" (1949–2200).</source>
            <translation>节假日日历“years”列表的第 %1 项没有有效的“year”（1949–2200）。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Year %1 appears twice in the holiday calendar.</source>
            <translation>年份 %1 在节假日日历中出现了两次。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>year %1, holiday %2 ("%3")</source>
            <translation>%1 年第 %2 个节假日（“%3”）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Holiday calendar, %1: the holiday has no name.</source>
            <translation>节假日日历，%1：该节假日没有名称。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Holiday calendar, %1: "from" value "%2" is not a valid date in the form YYYY-MM-DD.</source>
            <translation>节假日日历，%1：“from”值“%2”不是 YYYY-MM-DD 格式的有效日期。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Holiday calendar, %1: "to" value "%2" is not a valid date in the form YYYY-MM-DD.</source>
            <translation>节假日日历，%1：“to”值“%2”不是 YYYY-MM-DD 格式的有效日期。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Holiday calendar, %1: the holiday ends (%2) before it starts (%3).</source>
            <translation>节假日日历，%1：节假日的结束日期（%2）早于开始日期（%3）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Holiday calendar, %1: the dates %2 to %3 do not belong to year %4.</source>
            <translation>节假日日历，%1：日期 %2 至 %3 不属于 %4 年。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Holiday calendar, %1: a holiday of more than %2 days is not plausible.</source>
            <translation>节假日日历，%1：超过 %2 天的节假日不合理。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Holiday calendar, %1: the holiday overlaps %2 on %3.</source>
            <translation>节假日日历，%1：该节假日在 %3 与%2重叠。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>year %1, working day %2 (%3)</source>
            <translation>%1 年第 %2 个调休工作日（%3）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Holiday calendar, %1: "%2" is not a valid date in the form YYYY-MM-DD.</source>
            <translation>节假日日历，%1：“%2”不是 YYYY-MM-DD 格式的有效日期。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Holiday calendar, %1: the date does not belong to year %2.</source>
            <translation>节假日日历，%1：该日期不属于 %2 年。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Holiday calendar, %1: an adjusted working day must be a Saturday or Sunday, but %2 is a weekday.</source>
            <translation>节假日日历，%1：调休工作日必须是星期六或星期日，但 %2 是工作日。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Holiday calendar, %1: the working day does not name the holiday it compensates.</source>
            <translation>节假日日历，%1：该调休工作日没有注明所调休的节假日。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Holiday calendar, %1: the working day falls inside %2.</source>
            <translation>节假日日历，%1：该调休工作日落在%2之内。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Holiday calendar, %1: the date is listed as a working day twice.</source>
            <translation>节假日日历，%1：该日期被重复列为调休工作日。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Holiday calendar, %1: "%2" is not a holiday of year %3.</source>
            <translation>节假日日历，%1：“%2”不是 %3 年的节假日。</translation>
        </message>
        <message>
            <location line="+45" />
            <source>Cannot read the holiday calendar "%1": %2.</source>
            <translation>无法读取节假日日历“%1”：%2。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Intake</name>
        <message>
            <location filename="../modules/intake/textencoding.cpp" line="+41" />
            <source>The file is not valid UTF-8 text; choose the encoding GB18030 if it was saved by Chinese Excel.</source>
            <translation>文件不是有效的 UTF-8 文本；如果文件由中文版 Excel 保存，请选择 GB18030 编码。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The file cannot be read: this build has no GB18030 decoder.</source>
            <translation>无法读取文件：本程序没有 GB18030 解码器。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The file's encoding is not recognised: it is neither UTF-8 nor GB18030 (GBK) text.</source>
            <translation>无法识别文件编码：它既不是 UTF-8 也不是 GB18030（GBK）文本。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file is not valid GB18030 (GBK) text.</source>
            <translation>文件不是有效的 GB18030（GBK）文本。</translation>
        </message>
        <message>
            <location filename="../modules/intake/csvparser.cpp" line="+76" />
            <source>The quoted field opened on line %1 is never closed: a double quote is missing.</source>
            <translation>第 %1 行开始的带引号字段没有结束：缺少一个双引号。</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Line %1 has text after the closing double quote of field %2; a quote inside a quoted field must be doubled.</source>
            <translation>第 %1 行第 %2 个字段的结束双引号后还有文本；带引号字段内的引号必须写成两个。</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Line %1 has a double quote inside the unquoted field %2; enclose the field in quotes and double the quote.</source>
            <translation>第 %1 行不带引号的第 %2 个字段中含有双引号；请用引号括起该字段并将引号写成两个。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Intake::CsvImporter</name>
        <message>
            <location filename="../modules/intake/csvimporter.cpp" line="+192" />
            <location line="+10" />
            <source>The store's firms could not be read: %1.</source>
            <translation>无法读取数据库中的企业：%1。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The store cannot take series rows: %1.</source>
            <translation>数据库无法写入月度数据行：%1。</translation>
        </message>
        <message>
            <location line="+12" />
            <location line="+137" />
            <source>The USCC is missing.</source>
            <translation>缺少统一社会信用代码。</translation>
        </message>
        <message>
            <location line="-133" />
            <location line="+137" />
            <source>The USCC “%1” is invalid: %2</source>
            <translation>统一社会信用代码“%1”无效：%2</translation>
        </message>
        <message>
            <location line="-131" />
            <source>The firm name is missing.</source>
            <translation>缺少企业名称。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The firm name is longer than 200 characters.</source>
            <translation>企业名称超过 200 个字符。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The establishment date “%1” is not a date written YYYY-MM-DD.</source>
            <translation>成立日期“%1”不是 YYYY-MM-DD 格式的日期。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The establishment date %1 is in the future.</source>
            <translation>成立日期 %1 晚于今天。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The registered capital “%1” (in 万元) is not an amount: %2</source>
            <translation>注册资本“%1”（万元）不是有效金额：%2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The registered capital “%1” is negative; it must be zero or more.</source>
            <translation>注册资本“%1”为负数；必须为零或正数。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The industry code “%1” is not a GB/T 4754-2017 section or division.</source>
            <translation>行业代码“%1”不是 GB/T 4754-2017 的门类或大类。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The region code “%1” is not a known GB/T 2260 code.</source>
            <translation>地区码“%1”不是已知的 GB/T 2260 代码。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The park “%1” is not known to this store (give its code or full name).</source>
            <translation>本数据库中没有园区“%1”（请填写园区代码或全称）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The park “%1” is not your park: you may import only the firms of your own park.</source>
            <translation>园区“%1”不是您所在的园区：您只能导入本园区的企业。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The number of employees “%1” is not a whole number of zero or more.</source>
            <translation>从业人数“%1”不是零或正整数。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The firm %1 is registered in another park: only that park's staff may change it.</source>
            <translation>企业 %1 登记在其他园区：只有该园区的工作人员可以修改。</translation>
        </message>
        <message>
            <location line="+65" />
            <source>No firm with the USCC %1 is in the store; import the firm roster first.</source>
            <translation>数据库中没有统一社会信用代码为 %1 的企业；请先导入企业名录。</translation>
        </message>
        <message>
            <location line="+19" />
            <source>The month “%1” is not written YYYY-MM (e.g. 2025-03).</source>
            <translation>月份“%1”不是 YYYY-MM 格式（例如 2025-03）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The month %1 is in the future.</source>
            <translation>月份 %1 晚于本月。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The kind of series “%1” is not known; use tax_paid, social_insured, housing_fund, electricity, bank_inflow or bank_outflow.</source>
            <translation>未知的数据类别“%1”；请使用 tax_paid、social_insured、housing_fund、electricity、bank_inflow 或 bank_outflow。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The value “%1” of %2 is not an amount in yuan: %3</source>
            <translation>%2 的值“%1”不是以元计的金额：%3</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The value “%1” of %2 is negative; it must be zero or more.</source>
            <translation>%2 的值“%1”为负数；必须为零或正数。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The value “%1” of %2 is not a whole number of zero or more.</source>
            <translation>%2 的值“%1”不是零或正整数。</translation>
        </message>
        <message>
            <location line="+58" />
            <source>The row could not be stored: %1.</source>
            <translation>无法保存该行：%1。</translation>
        </message>
        <message>
            <location line="+20" />
            <source>The file %1 cannot be read: %2.</source>
            <translation>无法读取文件 %1：%2。</translation>
        </message>
        <message>
            <location line="+21" />
            <location line="+22" />
            <source>The file is empty: it has no header row.</source>
            <translation>文件为空：没有表头行。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The header lacks the required column(s) %1.</source>
            <translation>表头缺少必需的列 %1。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The import could not start a transaction on the store.</source>
            <translation>导入无法在数据库上开始事务。</translation>
        </message>
        <message>
            <location line="+21" />
            <source>The row has %1 fields but the header has %2 columns.</source>
            <translation>该行有 %1 个字段，但表头有 %2 列。</translation>
        </message>
        <message>
            <location line="+37" />
            <source>The import could not be committed to the store; nothing was written.</source>
            <translation>导入无法提交到数据库；未写入任何数据。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Intake::ErrorReport</name>
        <message>
            <location filename="../modules/intake/errorreport.cpp" line="+23" />
            <source>row</source>
            <translation>行</translation>
        </message>
        <message>
            <location line="+0" />
            <source>line</source>
            <translation>行号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>column</source>
            <translation>列</translation>
        </message>
        <message>
            <location line="+1" />
            <source>reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The error report could not be written to %1: %2.</source>
            <translation>无法将错误报告写入 %1：%2。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Matching</name>
        <message>
            <location filename="../modules/matching/factbuilder.cpp" line="+206" />
            <source>The firm with the id %1 was not found in the store.</source>
            <translation>数据库中找不到 ID 为 %1 的企业。</translation>
        </message>
        <message>
            <location filename="../modules/matching/policymatcher.cpp" line="+66" />
            <source>The eligibility rule of the policy %1 does not compile: %2</source>
            <translation>政策 %1 的申报条件规则无法编译：%2</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The benefit rule of the policy %1 does not compile: %2</source>
            <translation>政策 %1 的补助计算规则无法编译：%2</translation>
        </message>
        <message>
            <location filename="../modules/matching/thresholdwhatif.cpp" line="+144" />
            <source>%1 is not a numeric threshold of this rule.</source>
            <translation>%1 不是该规则的数值阈值。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Matching::FactCatalog</name>
        <message>
            <location filename="../modules/matching/factcatalog.cpp" line="+27" />
            <source>Years in business</source>
            <translation>经营年限</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Type of business</source>
            <translation>主体类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Firm size</source>
            <translation>企业规模</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Employees</source>
            <translation>从业人数</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Annual revenue (CNY 10k)</source>
            <translation>营业收入（万元）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Total assets (CNY 10k)</source>
            <translation>资产总额（万元）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Industry section</source>
            <translation>行业门类</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Industry division</source>
            <translation>行业大类</translation>
        </message>
        <message>
            <location line="+1" />
            <source>County</source>
            <translation>区县</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Location</source>
            <translation>所在地</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Park</source>
            <translation>园区</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Tax credit grade</source>
            <translation>纳税信用等级</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Tax paid in the last 12 months (CNY 10k)</source>
            <translation>近 12 个月纳税额（万元）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Staff with social insurance</source>
            <translation>社保缴纳人数</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Qualifications</source>
            <translation>资质</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Patents</source>
            <translation>专利</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Administrative penalties in 3 years</source>
            <translation>近 3 年行政处罚</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Dishonest judgment debtor</source>
            <translation>失信被执行人</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Government procurement awards in 3 years</source>
            <translation>近 3 年政府采购中标</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+70" />
            <source>Has had a bank loan</source>
            <translation>曾获银行贷款</translation>
        </message>
        <message>
            <location line="-68" />
            <source>Requested amount (CNY 10k)</source>
            <translation>申请金额（万元）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Requested term (months)</source>
            <translation>申请期限（月）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Collateral</source>
            <translation>担保方式</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Loan amount (fen)</source>
            <translation>贷款金额（分）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Loan interest rate (basis points)</source>
            <translation>贷款利率（基点）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Loan term (months)</source>
            <translation>贷款期限（月）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Guarantee fee (fen)</source>
            <translation>担保费（分）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>One-year loan prime rate (basis points)</source>
            <translation>一年期贷款市场报价利率（基点）</translation>
        </message>
        <message>
            <location line="+20" />
            <source>large</source>
            <translation>大型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>medium</source>
            <translation>中型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>small</source>
            <translation>小型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>micro</source>
            <translation>微型</translation>
        </message>
        <message>
            <location line="+3" />
            <source>company</source>
            <translation>企业</translation>
        </message>
        <message>
            <location line="+2" />
            <source>individual business</source>
            <translation>个体工商户</translation>
        </message>
        <message>
            <location line="+3" />
            <source>High-tech Enterprise</source>
            <translation>高新技术企业</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Technology-based SME</source>
            <translation>科技型中小企业</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Specialised and Sophisticated SME</source>
            <translation>专精特新中小企业</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Little Giant</source>
            <translation>专精特新“小巨人”企业</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Innovative SME</source>
            <translation>创新型中小企业</translation>
        </message>
        <message>
            <location line="+13" />
            <source>On the list of dishonest judgment debtors</source>
            <translation>列入失信被执行人名单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not on the list of dishonest judgment debtors</source>
            <translation>未列入失信被执行人名单</translation>
        </message>
        <message>
            <location line="+3" />
            <source>First-time borrower (never had a bank loan)</source>
            <translation>首贷户（从未获得银行贷款）</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Prereview</name>
        <message>
            <location filename="../modules/prereview/prereviewresult.cpp" line="+43" />
            <source>Pre-review result: passed</source>
            <translation>预审结果：通过</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>Pre-review result: not passed, %n item(s) to fix</source>
            <translation>
                <numerusform>预审结果：未通过，有 %n 项需要修改</numerusform>
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source>Application number: %1</source>
            <translation>申请编号：%1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>If submitted today: accepted by %1, result by %2</source>
            <translation>如今天提交：%1 前受理，%2 前出结果</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Please bring these documents at your next visit:</source>
            <translation>下次来访时请携带以下材料：</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+12" />
            <source>  none</source>
            <translation>  无</translation>
        </message>
        <message>
            <location line="-11" />
            <source>Please fix the following:</source>
            <translation>请修改以下内容：</translation>
        </message>
        <message>
            <location line="+6" />
            <source>  %1. %2 To fix: %3</source>
            <translation>  %1. %2 修改方法：%3</translation>
        </message>
        <message>
            <location filename="../modules/prereview/documenttypes.cpp" line="+50" />
            <source>business licence</source>
            <translation>营业执照</translation>
        </message>
        <message>
            <location line="+2" />
            <source>financial statements</source>
            <translation>财务报表</translation>
        </message>
        <message>
            <location line="+2" />
            <source>tax payment certificate for the last 12 months</source>
            <translation>近 12 个月完税证明</translation>
        </message>
        <message>
            <location line="+2" />
            <source>credit inquiry authorization</source>
            <translation>征信查询授权书</translation>
        </message>
        <message>
            <location line="+2" />
            <source>application form</source>
            <translation>申请表</translation>
        </message>
        <message>
            <location line="+2" />
            <source>ID card of the owner</source>
            <translation>经营者身份证</translation>
        </message>
        <message>
            <location line="+2" />
            <source>High-tech Enterprise certificate</source>
            <translation>高新技术企业证书</translation>
        </message>
        <message>
            <location line="+2" />
            <source>specialised and innovative SME certification</source>
            <translation>专精特新中小企业认定文件</translation>
        </message>
        <message>
            <location line="+2" />
            <source>qualification certificate</source>
            <translation>资质证书</translation>
        </message>
        <message>
            <location line="+2" />
            <source>intellectual property certificates</source>
            <translation>知识产权证书</translation>
        </message>
        <message>
            <location line="+2" />
            <source>title deeds of the collateral</source>
            <translation>抵押物权属证明</translation>
        </message>
        <message>
            <location line="+2" />
            <source>title documents of the equipment</source>
            <translation>设备权属证明</translation>
        </message>
        <message>
            <location line="+2" />
            <source>equipment purchase contract</source>
            <translation>设备购置合同</translation>
        </message>
        <message>
            <location line="+2" />
            <source>list of receivables with contracts</source>
            <translation>应收账款清单及合同</translation>
        </message>
        <message>
            <location line="+2" />
            <source>government procurement contract</source>
            <translation>政府采购合同</translation>
        </message>
        <message>
            <location line="+2" />
            <source>guarantor documents</source>
            <translation>保证人资料</translation>
        </message>
        <message>
            <location line="+2" />
            <source>guarantee application</source>
            <translation>担保申请书</translation>
        </message>
        <message>
            <location line="+2" />
            <source>guarantee contract</source>
            <translation>担保合同</translation>
        </message>
        <message>
            <location line="+2" />
            <source>guarantee fee receipt</source>
            <translation>担保费收据</translation>
        </message>
        <message>
            <location line="+2" />
            <source>loan contract</source>
            <translation>借款合同</translation>
        </message>
        <message>
            <location line="+2" />
            <source>disbursement receipt</source>
            <translation>放款凭证</translation>
        </message>
        <message>
            <location line="+2" />
            <source>interest payment receipts</source>
            <translation>付息凭证</translation>
        </message>
        <message>
            <location line="+2" />
            <source>business plan</source>
            <translation>经营计划书</translation>
        </message>
        <message>
            <location line="+2" />
            <source>environmental impact approval</source>
            <translation>环评批复</translation>
        </message>
        <message>
            <location line="+2" />
            <source>insurance application form</source>
            <translation>投保单</translation>
        </message>
        <message>
            <location filename="../modules/prereview/prereviewer.cpp" line="+81" />
            <source>The %1 is missing or not greater than zero.</source>
            <translation>%1缺失或不大于零。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter a %1 greater than zero.</source>
            <translation>请填写大于零的%1。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The %1 is missing.</source>
            <translation>缺少%1。</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Fill in the %1.</source>
            <translation>请填写%1。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>requested amount</source>
            <translation>申请金额</translation>
        </message>
        <message>
            <location line="+3" />
            <source>term in months</source>
            <translation>期限（月）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>purpose of the financing</source>
            <translation>融资用途</translation>
        </message>
        <message>
            <location line="+3" />
            <source>institution</source>
            <translation>金融机构</translation>
        </message>
        <message>
            <location line="+2" />
            <source>firm name</source>
            <translation>企业名称</translation>
        </message>
        <message>
            <location line="+3" />
            <source>unified social credit code (USCC)</source>
            <translation>统一社会信用代码</translation>
        </message>
        <message>
            <location line="+3" />
            <source>name of the legal representative</source>
            <translation>法定代表人姓名</translation>
        </message>
        <message>
            <location line="+3" />
            <source>ID number of the legal representative</source>
            <translation>法定代表人身份证号码</translation>
        </message>
        <message>
            <location line="+3" />
            <source>date of establishment</source>
            <translation>成立日期</translation>
        </message>
        <message>
            <location line="+3" />
            <source>industry code</source>
            <translation>行业代码</translation>
        </message>
        <message>
            <location line="+3" />
            <source>region code</source>
            <translation>地区码</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The application names no financing product.</source>
            <translation>申请未指定金融产品。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Choose a financing product for the application.</source>
            <translation>请为申请选择一个金融产品。</translation>
        </message>
        <message>
            <location line="+16" />
            <source>The document “%1” is marked to be brought at the next visit.</source>
            <translation>材料“%1”已标记为下次来访时携带。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bring the %1 at the next visit.</source>
            <translation>请在下次来访时携带%1。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The document “%1” required by the product is missing.</source>
            <translation>缺少产品要求的材料“%1”。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Attach the %1 or mark it to be brought at the next visit.</source>
            <translation>请上传%1，或标记为下次来访时携带。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Compare the USCC with the business licence and enter it again.</source>
            <translation>请对照营业执照核对统一社会信用代码后重新输入。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The USCC “%1” must have 18 characters but has %2.</source>
            <translation>统一社会信用代码“%1”必须为 18 位，但实际为 %2 位。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The USCC “%1” contains characters that are not allowed (only digits and capital letters other than I, O, Z, S and V).</source>
            <translation>统一社会信用代码“%1”含有不允许的字符（只能使用数字和除 I、O、Z、S、V 以外的大写字母）。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The check character of the USCC “%1” should be “%2”; the 18th character does not match.</source>
            <translation>统一社会信用代码“%1”的校验码应为“%2”；第 18 位不符。</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Compare the number with the legal representative's ID card and enter it again.</source>
            <translation>请对照法定代表人身份证核对号码后重新输入。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The legal representative's ID number must have 18 characters but has %1.</source>
            <translation>法定代表人身份证号码必须为 18 位，但实际为 %1 位。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The legal representative's ID number must be 17 digits followed by a digit or X.</source>
            <translation>法定代表人身份证号码必须为 17 位数字加一位数字或 X。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The birth date “%1” in the legal representative's ID number is not a real date or lies after the day of the pre-review.</source>
            <translation>法定代表人身份证号码中的出生日期“%1”不是真实日期，或晚于预审当日。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The check digit of the legal representative's ID number %1 does not match.</source>
            <translation>法定代表人身份证号码 %1 的校验码不符。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The date of establishment %1 lies after the day of the pre-review, %2.</source>
            <translation>成立日期 %1 晚于预审当日 %2。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Compare the date with the business licence and correct it.</source>
            <translation>请对照营业执照核对并更正日期。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The document “%1” (%2) was added on %3, after the day of the pre-review, %4.</source>
            <translation>材料“%1”（%2）于 %3 添加，晚于预审当日 %4。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Check the date the document was added and upload it again if needed.</source>
            <translation>请核对材料的添加日期，必要时重新上传。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Have the firm sign a new authorization that covers the chosen institution and stays valid at least until %1.</source>
            <translation>请企业签署新的授权书，覆盖所选机构且至少在 %1 前有效。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>No credit inquiry authorization covers the chosen institution.</source>
            <translation>没有覆盖所选机构的征信查询授权书。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The authorization covering the chosen institution has been revoked.</source>
            <translation>覆盖所选机构的授权书已被撤销。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The authorization covering the chosen institution is not in force on %1 (valid from %2 to %3).</source>
            <translation>覆盖所选机构的授权书在 %1 不在有效期内（有效期 %2 至 %3）。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The authorization is valid until %1, before the result deadline %2 (10 working days after the acceptance deadline %3); it must stay valid through that day.</source>
            <translation>授权书有效期至 %1，早于出结果期限 %2（受理期限 %3 后 10 个工作日）；授权书必须在该日之前一直有效。</translation>
        </message>
        <message>
            <location line="+16" />
            <source>The firm's recorded revenue cannot be negative; it is %1.</source>
            <translation>企业登记的营业收入不能为负数；当前为 %1。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Correct the firm's revenue from the latest income statement.</source>
            <translation>请根据最新利润表更正企业营业收入。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No financial statement figures were entered, so the balance sheet was not checked.</source>
            <translation>未录入财务报表数据，因此未核对资产负债表。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>If the firm brought financial statements, enter total assets, liabilities, equity and revenue.</source>
            <translation>如企业带来了财务报表，请录入资产总额、负债、所有者权益和营业收入。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>The balance sheet does not balance: total assets %1, liabilities plus equity %2; the difference of %3 exceeds 1 % of total assets.</source>
            <translation>资产负债表不平衡：资产总额 %1，负债加所有者权益 %2；差额 %3 超过资产总额的 1%。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Check total assets, liabilities and equity against the financial statements and correct them.</source>
            <translation>请对照财务报表核对并更正资产总额、负债和所有者权益。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The revenue cannot be negative; %1 was entered.</source>
            <translation>营业收入不能为负数；录入的是 %1。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Check the revenue against the income statement and correct it.</source>
            <translation>请对照利润表核对并更正营业收入。</translation>
        </message>
        <message>
            <location line="+17" />
            <source>The requested amount %1 is outside the range of the product “%2”: %3 to %4.</source>
            <translation>申请金额 %1 超出产品“%2”的范围：%3 至 %4。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Change the amount to between %1 and %2, or choose another product.</source>
            <translation>请将金额改为 %1 至 %2 之间，或选择其他产品。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The term of %1 months is outside the range of the product “%2”: %3 to %4 months.</source>
            <translation>%1 个月的期限超出产品“%2”的范围：%3 至 %4 个月。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Change the term to between %1 and %2 months, or choose another product.</source>
            <translation>请将期限改为 %1 至 %2 个月之间，或选择其他产品。</translation>
        </message>
        <message>
            <location line="+38" />
            <source>The eligibility rule of the product “%1” cannot be read, so eligibility was not checked.</source>
            <translation>无法读取产品“%1”的准入规则，因此未检查准入条件。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Ask the platform administrator to correct the product's rule.</source>
            <translation>请联系平台管理员更正该产品的规则。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The firm does not meet a condition of the product “%1”: %2</source>
            <translation>企业不满足产品“%1”的一项条件：%2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Provide documents showing that the condition is met and run the pre-review again, or choose a product whose conditions the firm meets.</source>
            <translation>请提供满足该条件的证明材料后重新预审，或选择企业满足条件的其他产品。</translation>
        </message>
        <message>
            <location line="+48" />
            <source>The application %1 does not exist in this store.</source>
            <translation>本数据库中不存在申请 %1。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The firm of the application %1 cannot be loaded: %2</source>
            <translation>无法加载申请 %1 的企业：%2</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Report::AuthorizationCheck</name>
        <message>
            <location filename="../modules/report/authorizationcheck.cpp" line="+29" />
            <source>No report: the enterprise has not given any authorization to query its credit data.</source>
            <translation>无法出具报告：该企业未授权查询其信用数据。</translation>
        </message>
        <message>
            <location line="+31" />
            <source>No report: the authorization for %1 to use the data for "%2" was revoked on %3.</source>
            <translation>无法出具报告：授权 %1 将数据用于“%2”的授权书已于 %3 撤销。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>No report: the authorization for %1 to use the data for "%2" is valid only from %3.</source>
            <translation>无法出具报告：授权 %1 将数据用于“%2”的授权书自 %3 起才生效。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>No report: the authorization for %1 to use the data for "%2" expired on %3.</source>
            <translation>无法出具报告：授权 %1 将数据用于“%2”的授权书已于 %3 到期。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>No report: the enterprise authorized %1 only for "%2", not for "%3".</source>
            <translation>无法出具报告：该企业仅授权 %1 用于“%2”，而非“%3”。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>No report: none of the enterprise's authorizations covers the institution %1.</source>
            <translation>无法出具报告：该企业的授权书均未覆盖机构 %1。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Report::PdfSignature</name>
        <message>
            <location filename="../modules/report/pdfsignature.cpp" line="+28" />
            <source>The report cannot be signed: no private signing key is loaded.</source>
            <translation>无法签署报告：未加载签名私钥。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>The report cannot be signed: the signing operation failed.</source>
            <translation>无法签署报告：签名操作失败。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>the file carries no XinDai signature block</source>
            <translation>该文件没有湘信贷签名块</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the signature block is not terminated</source>
            <translation>签名块没有结束标记</translation>
        </message>
        <message>
            <location line="+23" />
            <source>the signature block lacks the number, content hash, public key or signature line</source>
            <translation>签名块缺少编号、内容哈希、公钥或签名行</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the signature is not %1 lower-case hex digits</source>
            <translation>签名不是 %1 位小写十六进制数字</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the embedded public key is not %1 lower-case hex digits</source>
            <translation>嵌入的公钥不是 %1 位小写十六进制数字</translation>
        </message>
        <message>
            <location line="+13" />
            <source>the signature does not match the file's content (some byte was changed)</source>
            <translation>签名与文件内容不符（有字节被改动）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>no trusted public key is available to check who signed the report</source>
            <translation>没有可信公钥可用于核实报告的签署者</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the report was signed with a key that is not the suite's report-signing key</source>
            <translation>报告所用的签名密钥不是本套件的报告签名密钥</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Report::ReportAssembler</name>
        <message>
            <location filename="../modules/report/reportassembler.cpp" line="+60" />
            <source>No report: the enterprise %1 is not in the store.</source>
            <translation>无法出具报告：数据库中没有企业 %1。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Report::ReportDiff</name>
        <message>
            <location filename="../modules/report/reportdiff.cpp" line="+125" />
            <source>qualifications</source>
            <translation>资质</translation>
        </message>
        <message>
            <location line="+2" />
            <source>patents</source>
            <translation>专利</translation>
        </message>
        <message>
            <location line="+3" />
            <source>procurement awards and public-resource contracts</source>
            <translation>中标及公共资源交易合同</translation>
        </message>
        <message>
            <location line="+4" />
            <source>subsidies</source>
            <translation>补贴</translation>
        </message>
        <message>
            <location line="+3" />
            <source>financing applications on the platform</source>
            <translation>平台上的融资申请</translation>
        </message>
        <message>
            <location line="+172" />
            <source>The credit score changed from %1 to %2.</source>
            <translation>信用评分由 %1 变为 %2。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The credit grade changed from %1 to %2.</source>
            <translation>信用等级由 %1 变为 %2。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>A tax credit grade is on record for the first time: %1 (evaluation of %2).</source>
            <translation>首次记录纳税信用等级：%1（%2 年度评价）。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The tax credit grade changed from %1 to %2 (evaluation of %3).</source>
            <translation>纳税信用等级由 %1 变为 %2（%3 年度评价）。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>New administrative penalty: "%1" by %2 on %3, amount %4.</source>
            <translation>新增行政处罚：%2 于 %3 作出的“%1”，金额 %4。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>New administrative penalty: "%1" by %2 on %3.</source>
            <translation>新增行政处罚：%2 于 %3 作出的“%1”。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The administrative penalty "%1" by %2 of %3 shown in the previous report is no longer on record.</source>
            <translation>上一份报告中 %2 于 %3 作出的行政处罚“%1”已不在记录中。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>New dishonest-debtor listing: "%1" by %2 on %3.</source>
            <translation>新增失信被执行人记录：%2 于 %3 列入的“%1”。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The dishonest-debtor listing "%1" by %2 was removed from the list on %3.</source>
            <translation>%2 列入的失信被执行人记录“%1”已于 %3 移出名单。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The dishonest-debtor listing "%1" by %2 of %3 shown in the previous report is no longer on record.</source>
            <translation>上一份报告中 %2 于 %3 列入的失信被执行人记录“%1”已不在记录中。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The number of %1 changed from %2 to %3.</source>
            <translation>%1数量由 %2 变为 %3。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Report::ReportGenerator</name>
        <message>
            <location filename="../modules/report/reportgenerator.cpp" line="+84" />
            <source>No report: no enterprise with the code or id %1 is in the store.</source>
            <translation>无法出具报告：数据库中没有代码或 ID 为 %1 的企业。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>No report: no institution with the id or code %1 is in the store.</source>
            <translation>无法出具报告：数据库中没有 ID 或代码为 %1 的机构。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>No report: the purpose of the query is empty; name the purpose the enterprise authorized.</source>
            <translation>无法出具报告：查询用途为空；请填写企业授权的用途。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No report: no private signing key is loaded.</source>
            <translation>无法出具报告：未加载签名私钥。</translation>
        </message>
        <message>
            <location line="+43" />
            <source>The report %1 could not be rendered to PDF.</source>
            <translation>无法将报告 %1 生成为 PDF。</translation>
        </message>
        <message>
            <location line="+49" />
            <source>A new report-signing key could not be generated.</source>
            <translation>无法生成新的报告签名密钥。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Report::ReportLog</name>
        <message>
            <location filename="../modules/report/reportlog.cpp" line="+58" />
            <source>The report %1 could not be recorded: %2.</source>
            <translation>无法记录报告 %1：%2。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Rules</name>
        <message>
            <location filename="../modules/rules/compiledrule.cpp" line="+96" />
            <source>Unrecognized operation %1 at %2</source>
            <translation>%2 处的运算 %1 无法识别</translation>
        </message>
        <message>
            <location line="+17" />
            <source>The operation %1 at %2 needs at least %3 argument(s).</source>
            <translation>%2 处的运算 %1 至少需要 %3 个参数。</translation>
        </message>
        <message>
            <location line="+125" />
            <source>The rule is not valid JSON: %1.</source>
            <translation>规则不是有效的 JSON：%1。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Scoring</name>
        <message>
            <location filename="../modules/scoring/jsonreader.cpp" line="+22" />
            <source>The file is not valid JSON (%1 at byte %2).</source>
            <translation>文件不是有效的 JSON（第 %2 字节处 %1）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The top level of a model file must be a JSON object.</source>
            <translation>模型文件的顶层必须是 JSON 对象。</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Expected a JSON object.</source>
            <translation>此处应为 JSON 对象。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Expected a JSON array.</source>
            <translation>此处应为 JSON 数组。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Expected a finite number.</source>
            <translation>此处应为有限数值。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Expected a non-empty string.</source>
            <translation>此处应为非空字符串。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Expected a number or a fraction such as "1/3", found "%1".</source>
            <translation>此处应为数字或“1/3”这样的分数，实际为“%1”。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>This required object is missing.</source>
            <translation>缺少此必需的对象。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>This required array is missing.</source>
            <translation>缺少此必需的数组。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>This required number is missing.</source>
            <translation>缺少此必需的数值。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>This required text is missing.</source>
            <translation>缺少此必需的文本。</translation>
        </message>
        <message>
            <location line="+15" />
            <location filename="../modules/scoring/modelregistry.cpp" line="+37" />
            <source>The model file was refused at %1: %2</source>
            <translation>模型文件在 %1 处被拒绝：%2</translation>
        </message>
        <message>
            <location filename="../modules/scoring/modelinfo.cpp" line="+20" />
            <location filename="../modules/scoring/modelregistry.cpp" line="+2" />
            <source>The model kind is "%1" but "%2" was expected.</source>
            <translation>模型类型为“%1”，但应为“%2”。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The model version must be a whole number of at least 1.</source>
            <translation>模型版本必须是不小于 1 的整数。</translation>
        </message>
        <message>
            <location filename="../modules/scoring/gradescale.cpp" line="+31" />
            <source>The score range minimum must be below its maximum.</source>
            <translation>分数范围的最小值必须小于最大值。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Exactly nine grade bands AAA, AA, A, BBB, BB, B, CCC, CC, C are required, found %1.</source>
            <translation>必须恰好有 AAA、AA、A、BBB、BB、B、CCC、CC、C 九个等级区间，实际为 %1 个。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Grade band %1 must be "%2" (best first), found "%3".</source>
            <translation>第 %1 个等级区间必须是“%2”（由高到低），实际为“%3”。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The lower bound %1 of grade %2 must lie in the score range and below the bound of the better grade (%3).</source>
            <translation>等级 %2 的下限 %1 必须在分数范围内，并低于更高等级的下限（%3）。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The grade bands do not cover the score range: grade C must start at the range minimum %1, found %2.</source>
            <translation>等级区间未覆盖分数范围：等级 C 必须从范围最小值 %1 开始，实际为 %2。</translation>
        </message>
        <message>
            <location filename="../modules/scoring/scorecard.cpp" line="+41" />
            <source>The missing bin must not also carry a range, categories or "other".</source>
            <translation>缺失值分箱不能同时带有范围、类别或“other”。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>An "other" bin is only allowed in a categorical factor.</source>
            <translation>只有类别型因子才允许“other”分箱。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The "other" bin must not also carry a range or categories.</source>
            <translation>“other”分箱不能同时带有范围或类别。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>A categorical factor's bin must list "categories", not a numeric range.</source>
            <translation>类别型因子的分箱必须列出“categories”，而不是数值范围。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>A category bin must list at least one category.</source>
            <translation>类别分箱必须至少列出一个类别。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>A numeric factor's bin must give a range (lo, hi), not categories.</source>
            <translation>数值型因子的分箱必须给出范围（lo, hi），而不是类别。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The bin's lower bound %1 must be below its upper bound %2.</source>
            <translation>分箱的下限 %1 必须小于上限 %2。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>A PDO-scaled scorecard's bins carry "logOdds", not "points".</source>
            <translation>按 PDO 刻度的评分卡分箱应带有“logOdds”，而不是“points”。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>A points scorecard's bins carry "points", not "logOdds".</source>
            <translation>分值评分卡的分箱应带有“points”，而不是“logOdds”。</translation>
        </message>
        <message>
            <location line="+18" />
            <source>The first numeric bin must have no lower bound (omit "lo") so that every value falls in a bin; it starts at %1.</source>
            <translation>第一个数值分箱不能有下限（省略“lo”），以便每个值都能落入某个分箱；它现在从 %1 开始。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The bins are not sorted: this bin [%1, %2) lies before the previous bin's upper bound %3.</source>
            <translation>分箱未排序：此分箱 [%1, %2) 位于前一分箱的上限 %3 之前。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The bins overlap: this bin starts at %1, below the previous bin's upper bound %2.</source>
            <translation>分箱重叠：此分箱从 %1 开始，低于前一分箱的上限 %2。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The bins leave a gap: this bin starts at %1 but the previous one ends at %2.</source>
            <translation>分箱之间有空隙：此分箱从 %1 开始，但前一分箱在 %2 结束。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>A numeric factor needs at least one range bin.</source>
            <translation>数值型因子至少需要一个范围分箱。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The last numeric bin must have no upper bound (omit "hi") so that every value falls in a bin; it ends at %1.</source>
            <translation>最后一个数值分箱不能有上限（省略“hi”），以便每个值都能落入某个分箱；它现在在 %1 结束。</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Unknown factor kind "%1": expected "numeric" or "categorical".</source>
            <translation>未知的因子类型“%1”：应为“numeric”或“categorical”。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Unknown factor "%1": it is not one of the firm features this suite computes.</source>
            <translation>未知因子“%1”：它不是本套件计算的企业特征之一。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The factor kind "%1" does not match feature "%2", which is %3.</source>
            <translation>因子类型“%1”与特征“%2”不符，该特征为%3。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>categorical</source>
            <translation>类别型</translation>
        </message>
        <message>
            <location line="+0" />
            <source>numeric</source>
            <translation>数值型</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The factor has more than one missing bin.</source>
            <translation>该因子有多个缺失值分箱。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The factor has more than one "other" bin.</source>
            <translation>该因子有多个“other”分箱。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The category "%1" appears in more than one bin.</source>
            <translation>类别“%1”出现在多个分箱中。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The factor has no missing bin: add {"missing": true, …} so that absent data has documented points.</source>
            <translation>该因子没有缺失值分箱：请添加 {"missing": true, …}，使缺失数据有明确的分值。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>A categorical factor needs at least one category bin.</source>
            <translation>类别型因子至少需要一个类别分箱。</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Unknown input "%1": expected "firm" or "columns".</source>
            <translation>未知输入“%1”：应为“firm”或“columns”。</translation>
        </message>
        <message>
            <location line="+23" />
            <source>The points to double the odds must be positive.</source>
            <translation>比率翻倍分值（PDO）必须为正数。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The base odds must be positive.</source>
            <translation>基准比率必须为正数。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Unknown scaling method "%1": expected "points" or "pdo".</source>
            <translation>未知的刻度方法“%1”：应为“points”或“pdo”。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The reason count must be a whole number from 0 to 100.</source>
            <translation>原因数量必须是 0 到 100 之间的整数。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>A scorecard needs at least one factor.</source>
            <translation>评分卡至少需要一个因子。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The factor id "%1" is used twice.</source>
            <translation>因子 ID“%1”被使用了两次。</translation>
        </message>
        <message>
            <location line="+26" />
            <location filename="../modules/scoring/expertmodel.cpp" line="+236" />
            <location filename="../modules/scoring/parkindex.cpp" line="+66" />
            <source>The model file %1 cannot be read: %2</source>
            <translation>无法读取模型文件 %1：%2</translation>
        </message>
        <message>
            <location line="+166" />
            <source>no data</source>
            <translation>无数据</translation>
        </message>
        <message>
            <location line="+2" />
            <source>other values</source>
            <translation>其他值</translation>
        </message>
        <message>
            <location line="+7" />
            <source>under %1</source>
            <translation>低于 %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 or more</source>
            <translation>%1 及以上</translation>
        </message>
        <message>
            <location line="+1" />
            <source>from %1 to under %2</source>
            <translation>%1 至低于 %2</translation>
        </message>
        <message>
            <location line="+13" />
            <source>%1 (%2) lowered the score by %3 points compared with its best value (%4).</source>
            <translation>%1（%2）比其最佳取值（%4）使得分降低了 %3 分。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Raising %1 from %2 to %3 would add %4 points.</source>
            <translation>将%1从 %2 提高到 %3 可增加 %4 分。</translation>
        </message>
        <message>
            <location filename="../modules/scoring/ahp.cpp" line="+22" />
            <source>The comparison matrix must have between 1 and 10 criteria, found %1.</source>
            <translation>判断矩阵必须有 1 到 10 个准则，实际为 %1 个。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The comparison matrix must be square: row %1 has %2 entries instead of %3.</source>
            <translation>判断矩阵必须是方阵：第 %1 行有 %2 个元素，而不是 %3 个。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Comparison matrix entry (%1, %2) must be a positive number, found %3.</source>
            <translation>判断矩阵元素 (%1, %2) 必须是正数，实际为 %3。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Comparison matrix diagonal entry (%1, %1) must be 1, found %2.</source>
            <translation>判断矩阵对角线元素 (%1, %1) 必须为 1，实际为 %2。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The comparison matrix is not reciprocal: entry (%1, %2) = %3 but entry (%2, %1) = %4 instead of %5.</source>
            <translation>判断矩阵不满足互反性：元素 (%1, %2) = %3，但元素 (%2, %1) = %4，而不是 %5。</translation>
        </message>
        <message>
            <location line="+45" />
            <source>The comparison matrix is too inconsistent: its consistency ratio CR = %1 must be below 0.1 (λmax = %2, CI = %3).</source>
            <translation>判断矩阵一致性不足：一致性比率 CR = %1 必须小于 0.1（λmax = %2，CI = %3）。</translation>
        </message>
        <message>
            <location filename="../modules/scoring/expertmodel.cpp" line="-211" />
            <source>A normalised value must lie between 0 and 1, found %1.</source>
            <translation>归一化值必须在 0 到 1 之间，实际为 %1。</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Unknown indicator "%1": it is not one of the firm features this suite computes.</source>
            <translation>未知指标“%1”：它不是本套件计算的企业特征之一。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The indicator has no "missing" value: state the normalised value used when data is absent.</source>
            <translation>该指标没有“missing”值：请注明数据缺失时使用的归一化值。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The feature "%1" is categorical: use the "category" method.</source>
            <translation>特征“%1”是类别型：请使用“category”方法。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The feature "%1" is numeric: the "category" method does not apply.</source>
            <translation>特征“%1”是数值型：不适用“category”方法。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The min-max bounds must satisfy min &lt; max, found %1 and %2.</source>
            <translation>最小-最大边界必须满足 min &lt; max，实际为 %1 和 %2。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Unknown direction "%1": expected "benefit" or "cost".</source>
            <translation>未知方向“%1”：应为“benefit”或“cost”。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>A piecewise mapping needs at least two points.</source>
            <translation>分段映射至少需要两个点。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>A piecewise point must be a pair [x, y].</source>
            <translation>分段映射的点必须是一对 [x, y]。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The piecewise points are not sorted: x = %1 does not exceed the previous x = %2.</source>
            <translation>分段映射的点未排序：x = %1 不大于前一个 x = %2。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The threshold cuts are not sorted: %1 does not exceed %2.</source>
            <translation>阈值切分点未排序：%1 不大于 %2。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>A threshold mapping needs at least one cut.</source>
            <translation>阈值映射至少需要一个切分点。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A threshold mapping with %1 cuts needs %2 values, found %3.</source>
            <translation>有 %1 个切分点的阈值映射需要 %2 个值，实际为 %3 个。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>A category mapping needs at least one category.</source>
            <translation>类别映射至少需要一个类别。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>A category mapping needs an "other" value for unlisted categories.</source>
            <translation>类别映射需要为未列出的类别提供“other”值。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Unknown normalisation method "%1": expected minmax, piecewise, threshold or category.</source>
            <translation>未知的归一化方法“%1”：应为 minmax、piecewise、threshold 或 category。</translation>
        </message>
        <message>
            <location line="+17" />
            <source>An expert model needs at least one indicator.</source>
            <translation>专家模型至少需要一个指标。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The indicator id "%1" is used twice.</source>
            <translation>指标 ID“%1”被使用了两次。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Give exactly one of "weights" and "ahp".</source>
            <translation>“weights”和“ahp”必须且只能给出其中一个。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>There are %1 weights for %2 indicators.</source>
            <translation>%2 个指标却有 %1 个权重。</translation>
        </message>
        <message>
            <location line="+6" />
            <location filename="../modules/scoring/parkindex.cpp" line="-26" />
            <source>A weight must not be negative, found %1.</source>
            <translation>权重不能为负数，实际为 %1。</translation>
        </message>
        <message>
            <location line="+7" />
            <location filename="../modules/scoring/parkindex.cpp" line="+6" />
            <source>The weights sum to %1 instead of 1 (tolerance 1e-9).</source>
            <translation>权重之和为 %1，而不是 1（容差 1e-9）。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The comparison matrix has %1 rows for %2 indicators.</source>
            <translation>%2 个指标的判断矩阵却有 %1 行。</translation>
        </message>
        <message>
            <location line="+18" />
            <source>An expert model scores from 0 to 100: the score range must be 0 to 100.</source>
            <translation>专家模型的评分为 0 到 100：分数范围必须是 0 到 100。</translation>
        </message>
        <message>
            <location filename="../modules/scoring/parkindex.cpp" line="-16" />
            <source>The firm score range minimum must be below its maximum.</source>
            <translation>企业分数范围的最小值必须小于最大值。</translation>
        </message>
        <message>
            <location line="+20" />
            <source>The park index runs from 0 to 100: the score range must be 0 to 100.</source>
            <translation>园区指数取值为 0 到 100：分数范围必须是 0 到 100。</translation>
        </message>
        <message>
            <location line="+27" />
            <source>The park credit index needs at least one firm in the park.</source>
            <translation>园区信用指数要求园区内至少有一家企业。</translation>
        </message>
        <message>
            <location filename="../modules/scoring/logisticregression.cpp" line="+75" />
            <source>Logistic regression needs at least one row and one target value per row.</source>
            <translation>逻辑回归至少需要一行数据，且每行需要一个目标值。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Row %1 has %2 features instead of %3.</source>
            <translation>第 %1 行有 %2 个特征，而不是 %3 个。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The target of row %1 must be 0 or 1, found %2.</source>
            <translation>第 %1 行的目标值必须为 0 或 1，实际为 %2。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The target column must contain both outcomes 0 and 1.</source>
            <translation>目标列必须同时包含 0 和 1 两种结果。</translation>
        </message>
        <message>
            <location line="+33" />
            <source>The features are linearly dependent (or constant): add an L2 penalty or drop a column.</source>
            <translation>特征线性相关（或为常数）：请加入 L2 惩罚项或删除一列。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Security::Crypto</name>
        <message>
            <location filename="../modules/security/crypto.cpp" line="+47" />
            <source>The file %1 cannot be opened for hashing: %2.</source>
            <translation>无法打开文件 %1 以计算哈希：%2。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The file %1 cannot be read for hashing: %2.</source>
            <translation>无法读取文件 %1 以计算哈希：%2。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Security::Signer</name>
        <message>
            <location filename="../modules/security/signer.cpp" line="+72" />
            <source>The key is not a readable PEM private or public key.</source>
            <translation>该密钥不是可读取的 PEM 私钥或公钥。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The key is not an Ed25519 key; only Ed25519 keys are accepted.</source>
            <translation>该密钥不是 Ed25519 密钥；只接受 Ed25519 密钥。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The raw public key has %1 bytes; an Ed25519 public key has exactly %2 bytes.</source>
            <translation>原始公钥有 %1 字节；Ed25519 公钥必须恰好为 %2 字节。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The raw public key could not be imported as an Ed25519 key.</source>
            <translation>无法将原始公钥导入为 Ed25519 密钥。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The key file %1 cannot be read: %2.</source>
            <translation>无法读取密钥文件 %1：%2。</translation>
        </message>
        <message>
            <location line="+46" />
            <source>There is no private key to save.</source>
            <translation>没有可保存的私钥。</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+7" />
            <source>The key file %1 cannot be written: %2.</source>
            <translation>无法写入密钥文件 %1：%2。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Server</name>
        <message>
            <location filename="../server/serverdatabase.cpp" line="+110" />
            <source>The database URL %1 names no file.</source>
            <translation>数据库 URL %1 未指定文件。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The database file %1 cannot be created: its folder does not exist.</source>
            <translation>无法创建数据库文件 %1：其所在文件夹不存在。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The database file %1 cannot be opened: %2</source>
            <translation>无法打开数据库文件 %1：%2</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The database file %1 cannot be set up: %2</source>
            <translation>无法初始化数据库文件 %1：%2</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The database URL %1 is not of the form postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME].</source>
            <translation>数据库 URL %1 不符合 postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME] 格式。</translation>
        </message>
        <message>
            <location line="+16" />
            <source>The PostgreSQL database %1 cannot be reached: %2</source>
            <translation>无法连接 PostgreSQL 数据库 %1：%2</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The PostgreSQL database %1 cannot be set up: %2</source>
            <translation>无法初始化 PostgreSQL 数据库 %1：%2</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The database URL %1 must start with sqlite: or postgres://.</source>
            <translation>数据库 URL %1 必须以 sqlite: 或 postgres:// 开头。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The database %1 has schema version %2, newer than this server (%3): update the server.</source>
            <translation>数据库 %1 的架构版本为 %2，比本服务器（%3）更新：请更新服务器。</translation>
        </message>
        <message>
            <location line="+35" />
            <source>The server's database is not open.</source>
            <translation>服务器的数据库未打开。</translation>
        </message>
        <message>
            <location line="+184" />
            <source>The database connection is not SQLite.</source>
            <translation>数据库连接不是 SQLite。</translation>
        </message>
        <message>
            <location line="+34" />
            <source>The database is not open.</source>
            <translation>数据库未打开。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The database %1 could not start a transaction: %2</source>
            <translation>数据库 %1 无法开始事务：%2</translation>
        </message>
        <message>
            <location line="+24" />
            <source>The schema version of %1 could not be read: %2</source>
            <translation>无法读取 %1 的架构版本：%2</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The database %1 could not commit: %2</source>
            <translation>数据库 %1 无法提交：%2</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The database %1 has schema version %2, newer than this server (%3).</source>
            <translation>数据库 %1 的架构版本为 %2，比本服务器（%3）更新。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Migration %1 of the database %2 failed: %3</source>
            <translation>数据库 %2 的迁移 %1 失败：%3</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The migration file %1 cannot be read.</source>
            <translation>无法读取迁移文件 %1。</translation>
        </message>
        <message>
            <location line="+22" />
            <source>At least one sequence number must be reserved.</source>
            <translation>必须至少预留一个序列号。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The sync sequence could not be advanced: %1</source>
            <translation>无法推进同步序列：%1</translation>
        </message>
        <message>
            <location line="+20" />
            <source>The sync sequence could not be locked: %1</source>
            <translation>无法锁定同步序列：%1</translation>
        </message>
        <message>
            <location filename="../server/rowstore.cpp" line="+184" />
            <location line="+180" />
            <location line="+170" />
            <location line="+48" />
            <location line="+26" />
            <location filename="../server/syncservice.cpp" line="+524" />
            <location line="+413" />
            <source>The entity %1 is not synced by this server.</source>
            <translation>本服务器不同步实体 %1。</translation>
        </message>
        <message>
            <location line="-416" />
            <location line="+193" />
            <source>The field %1 is not a field of %2.</source>
            <translation>字段 %1 不是 %2 的字段。</translation>
        </message>
        <message>
            <location line="-183" />
            <location line="+225" />
            <source>The id %1 is not a lower-case UUID without braces.</source>
            <translation>ID %1 不是不带花括号的小写 UUID。</translation>
        </message>
        <message>
            <location line="-192" />
            <source>The %1 row could not be read: %2</source>
            <translation>无法读取 %1 行：%2</translation>
        </message>
        <message>
            <location line="+52" />
            <location line="+47" />
            <source>The %1 row could not be stored: %2</source>
            <translation>无法保存 %1 行：%2</translation>
        </message>
        <message>
            <location line="+87" />
            <location line="+22" />
            <source>Every row of a bulk insert must name the same fields.</source>
            <translation>批量插入的每一行必须指定相同的字段。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The %1 rows could not be stored: %2</source>
            <translation>无法保存 %1 行：%2</translation>
        </message>
        <message>
            <location line="+41" />
            <source>The rows of the firm %1 could not be counted: %2</source>
            <translation>无法统计企业 %1 的行数：%2</translation>
        </message>
        <message>
            <location line="+24" />
            <source>The rows of the firm %1 could not be re-stamped: %2</source>
            <translation>无法重新标记企业 %1 的行：%2</translation>
        </message>
        <message>
            <location line="+25" />
            <location line="+48" />
            <source>The %1 row %2 does not exist.</source>
            <translation>%1 行 %2 不存在。</translation>
        </message>
        <message>
            <location line="-24" />
            <source>The %1 row could not be deleted: %2</source>
            <translation>无法删除 %1 行：%2</translation>
        </message>
        <message>
            <location filename="../server/audittrail.cpp" line="+38" />
            <source>The audit log could not be written: %1</source>
            <translation>无法写入审计日志：%1</translation>
        </message>
        <message>
            <location filename="../server/scope.cpp" line="+121" />
            <location line="+38" />
            <location line="+17" />
            <location filename="../server/syncservice.cpp" line="-411" />
            <source>Your role may not change records of the kind %1.</source>
            <translation>您的角色不能修改 %1 类记录。</translation>
        </message>
        <message>
            <location line="-48" />
            <source>The field %1 must name the signed-in user.</source>
            <translation>字段 %1 必须是当前登录的用户。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Your account is not attached to a park, so it may not change firm data.</source>
            <translation>您的账户未关联园区，因此不能修改企业数据。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The firm belongs to another park.</source>
            <translation>该企业属于其他园区。</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+14" />
            <source>The field park_id must name your own park.</source>
            <translation>字段 park_id 必须是您自己所在的园区。</translation>
        </message>
        <message>
            <location line="-7" />
            <source>The firm of this record belongs to another park.</source>
            <translation>该记录所属的企业属于其他园区。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The application belongs to another park.</source>
            <translation>该申请属于其他园区。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The firm of this application belongs to another park.</source>
            <translation>该申请所属的企业属于其他园区。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>A bank officer cannot create applications; the park window creates them.</source>
            <translation>银行客户经理不能创建申请；申请由园区窗口创建。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The application is not addressed to your institution.</source>
            <translation>该申请不是提交给您所在机构的。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A bank officer may not change the field %1 of an application.</source>
            <translation>银行客户经理不能修改申请的字段 %1。</translation>
        </message>
        <message>
            <location filename="../server/syncservice.cpp" line="-100" />
            <source>A new application must start as a draft or as submitted, not as %1.</source>
            <translation>新申请必须以草稿或已提交状态开始，而不能是 %1。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The application cannot go from %1 to %2.</source>
            <translation>申请不能从 %1 变为 %2。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Your role may not move an application from %1 to %2.</source>
            <translation>您的角色不能将申请从 %1 变为 %2。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The application can only be edited while it is a draft; the field %1 cannot change once it is %2.</source>
            <translation>申请只能在草稿状态下编辑；申请变为 %2 后，字段 %1 不能再修改。</translation>
        </message>
        <message>
            <location line="+54" />
            <source>The application cannot be deleted after it was submitted.</source>
            <translation>申请提交后不能删除。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The firm cannot be deleted while it has applications.</source>
            <translation>企业尚有申请时不能删除。</translation>
        </message>
        <message>
            <location line="+51" />
            <source>The record to delete does not exist on the server.</source>
            <translation>要删除的记录在服务器上不存在。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The record was deleted on the server, so this change cannot be applied.</source>
            <translation>该记录已在服务器上删除，因此无法应用此更改。</translation>
        </message>
        <message>
            <location line="+24" />
            <source>The field %1 refers to a %2 record that does not exist.</source>
            <translation>字段 %1 引用的 %2 记录不存在。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Another firm already has the USCC %1.</source>
            <translation>已有其他企业使用统一社会信用代码 %1。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Another user already has the login %1.</source>
            <translation>已有其他用户使用登录名 %1。</translation>
        </message>
        <message>
            <location line="+12" />
            <location line="+15" />
            <source>The record could not be stored: %1</source>
            <translation>无法保存记录：%1</translation>
        </message>
        <message>
            <location line="+56" />
            <location line="+23" />
            <location line="+167" />
            <location line="+82" />
            <source>The database could not start a transaction: %1</source>
            <translation>数据库无法开始事务：%1</translation>
        </message>
        <message>
            <location line="-183" />
            <source>The operation id %1 was already used by another user.</source>
            <translation>操作 ID %1 已被其他用户使用。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The stored result of the operation %1 is damaged: %2</source>
            <translation>操作 %1 的已保存结果已损坏：%2</translation>
        </message>
        <message>
            <location line="+54" />
            <source>The result of the operation %1 could not be stored: %2</source>
            <translation>无法保存操作 %1 的结果：%2</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The database could not commit the push: %1</source>
            <translation>数据库无法提交此次推送：%1</translation>
        </message>
        <message>
            <location line="+28" />
            <location line="+10" />
            <source>The scope day could not be read: %1</source>
            <translation>无法读取范围日期：%1</translation>
        </message>
        <message>
            <location line="+17" />
            <source>The authorizations could not be read: %1</source>
            <translation>无法读取授权书：%1</translation>
        </message>
        <message>
            <location line="+20" />
            <source>The scope day could not be stored: %1</source>
            <translation>无法保存范围日期：%1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The database could not commit: %1</source>
            <translation>数据库无法提交：%1</translation>
        </message>
        <message>
            <location line="+63" />
            <location line="+21" />
            <location line="+31" />
            <source>The rows could not be read: %1</source>
            <translation>无法读取记录：%1</translation>
        </message>
        <message>
            <location line="+66" />
            <source>The entity %1 is not a firm-scoped entity of this server.</source>
            <translation>实体 %1 不是本服务器按企业划分范围的实体。</translation>
        </message>
        <message>
            <location filename="../server/rowstore.cpp" line="+60" />
            <location filename="../server/syncservice.cpp" line="-53" />
            <location line="+83" />
            <source>The %1 rows could not be read: %2</source>
            <translation>无法读取 %1 行：%2</translation>
        </message>
        <message>
            <location filename="../server/pgpipeline.cpp" line="+98" />
            <source>The database connection is not PostgreSQL.</source>
            <translation>数据库连接不是 PostgreSQL。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The PostgreSQL connection is busy: %1</source>
            <translation>PostgreSQL 连接正忙：%1</translation>
        </message>
        <message>
            <location line="+67" />
            <source>PostgreSQL reported: %1</source>
            <translation>PostgreSQL 报告：%1</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Server::AuthService</name>
        <message>
            <location filename="../server/authservice.cpp" line="+154" />
            <source>The login name or the password is wrong.</source>
            <translation>登录名或密码错误。</translation>
        </message>
        <message>
            <location line="+16" />
            <location line="+24" />
            <source>The user database could not be read: %1.</source>
            <translation>无法读取用户数据库：%1。</translation>
        </message>
        <message numerus="yes">
            <location line="-16" />
            <location line="+53" />
            <source>Too many failed logins for %1: try again in %n minute(s).</source>
            <translation>
                <numerusform>%1 登录失败次数过多：请在 %n 分钟后重试。</numerusform>
            </translation>
        </message>
        <message>
            <location line="+12" />
            <source>The server could not generate a session token.</source>
            <translation>服务器无法生成会话令牌。</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+234" />
            <location line="+53" />
            <location line="+31" />
            <source>The user database could not start a transaction.</source>
            <translation>用户数据库无法开始事务。</translation>
        </message>
        <message>
            <location line="-295" />
            <source>The session could not be stored: %1.</source>
            <translation>无法保存会话：%1。</translation>
        </message>
        <message>
            <location line="+46" />
            <source>This request needs a login: send the header "Authorization: Bearer &lt;token&gt;".</source>
            <translation>此请求需要登录：请发送请求头“Authorization: Bearer &lt;token&gt;”。</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+39" />
            <source>The session token is not valid; log in again.</source>
            <translation>会话令牌无效；请重新登录。</translation>
        </message>
        <message>
            <location line="-23" />
            <location line="+9" />
            <location line="+6" />
            <source>The session database could not be read: %1.</source>
            <translation>无法读取会话数据库：%1。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The session was ended (logged out); log in again.</source>
            <translation>会话已结束（已退出登录）；请重新登录。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The session has expired; log in again.</source>
            <translation>会话已过期；请重新登录。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The user account of this session is disabled.</source>
            <translation>此会话的用户账户已停用。</translation>
        </message>
        <message>
            <location line="+42" />
            <source>The session database could not start a transaction.</source>
            <translation>会话数据库无法开始事务。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>The session could not be ended: %1.</source>
            <translation>无法结束会话：%1。</translation>
        </message>
        <message>
            <location line="+32" />
            <source>The login name must be 1 to 64 characters without leading or trailing spaces.</source>
            <translation>登录名必须为 1 到 64 个字符，且首尾不能有空格。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The role %1 is not known; use window_staff, park_manager, bank_officer or admin.</source>
            <translation>未知角色 %1；请使用 window_staff、park_manager、bank_officer 或 admin。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The role %1 needs a park (--park-code or --park-id).</source>
            <translation>角色 %1 需要指定园区（--park-code 或 --park-id）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The role bank_officer needs an institution (--institution-code or --institution-id).</source>
            <translation>角色 bank_officer 需要指定机构（--institution-code 或 --institution-id）。</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+82" />
            <source>The password must have at least %1 characters.</source>
            <translation>密码至少需要 %1 个字符。</translation>
        </message>
        <message>
            <location line="-75" />
            <source>A user with the login name %1 exists already.</source>
            <translation>登录名为 %1 的用户已存在。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The park %1 does not exist.</source>
            <translation>园区 %1 不存在。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The institution %1 does not exist.</source>
            <translation>机构 %1 不存在。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The password could not be hashed (no random numbers).</source>
            <translation>无法对密码进行哈希（没有随机数）。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The user %1 could not be stored: %2</source>
            <translation>无法保存用户 %1：%2</translation>
        </message>
        <message>
            <location line="+31" />
            <location line="+30" />
            <source>No user has the login name %1.</source>
            <translation>没有登录名为 %1 的用户。</translation>
        </message>
        <message>
            <location line="-23" />
            <source>The user %1 could not be disabled: %2</source>
            <translation>无法停用用户 %1：%2</translation>
        </message>
        <message>
            <location line="+36" />
            <source>The password of %1 could not be reset: %2</source>
            <translation>无法重置 %1 的密码：%2</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Server::DemoSeed</name>
        <message>
            <location filename="../server/demoseed.cpp" line="+29" />
            <source>The number of demo firms must be zero or more.</source>
            <translation>演示企业数量必须大于或等于零。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No temporary folder could be created for the demo data: %1.</source>
            <translation>无法为演示数据创建临时文件夹：%1。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The demo data could not be generated: %1</source>
            <translation>无法生成演示数据：%1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The generated demo data could not be opened: %1</source>
            <translation>无法打开生成的演示数据：%1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The demo seed could not start a transaction on the server's database.</source>
            <translation>演示数据初始化无法在服务器数据库上开始事务。</translation>
        </message>
        <message>
            <location line="+25" />
            <source>The demo table %1 could not be read: %2.</source>
            <translation>无法读取演示数据表 %1：%2。</translation>
        </message>
        <message>
            <location line="+16" />
            <source>The demo row %1 of %2 could not be stored: %3</source>
            <translation>无法保存演示数据第 %1 行（共 %2 行）：%3</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The built-in reference documents could not be stored: %1</source>
            <translation>无法保存内置参考文档：%1</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The demo seed could not be committed; nothing was written.</source>
            <translation>演示数据初始化无法提交；未写入任何数据。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Server::HttpApi</name>
        <message>
            <location filename="../server/httpapi.cpp" line="+112" />
            <location line="+20" />
            <source>There is no route %1.</source>
            <translation>不存在路由 %1。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The route %1 does not accept the method %2; use %3.</source>
            <translation>路由 %1 不接受方法 %2；请使用 %3。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The request body has %1 bytes; the limit is %2 bytes.</source>
            <translation>请求体大小为 %1 字节；上限为 %2 字节。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The server's database cannot be reached: %1</source>
            <translation>无法连接服务器的数据库：%1</translation>
        </message>
        <message>
            <location line="+28" />
            <source>The role %1 may not use %2 %3.</source>
            <translation>角色 %1 不能使用 %2 %3。</translation>
        </message>
        <message>
            <location line="+28" />
            <source>The request body is not valid JSON: %1 at byte %2.</source>
            <translation>请求体不是有效的 JSON：第 %2 字节处 %1。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The request body must be a JSON object.</source>
            <translation>请求体必须是 JSON 对象。</translation>
        </message>
        <message>
            <location line="+22" />
            <source>The field %1 is not part of a login request.</source>
            <translation>字段 %1 不属于登录请求。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The field %1 is missing from the login request.</source>
            <translation>登录请求缺少字段 %1。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The field %1 must be a string.</source>
            <translation>字段 %1 必须是字符串。</translation>
        </message>
        <message>
            <location line="+55" />
            <source>The server is busy writing other changes (an import, for example); nothing was written. Try again in a few seconds.</source>
            <translation>服务器正在写入其他更改（例如导入数据），本次未写入任何内容。请几秒钟后重试。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The push could not be applied; nothing was written: %1</source>
            <translation>无法应用推送，未写入任何内容：%1</translation>
        </message>
        <message>
            <location line="+17" />
            <source>The pull could not be served: %1</source>
            <translation>无法提供拉取数据：%1</translation>
        </message>
        <message>
            <location line="+21" />
            <source>The visibility check could not be served: %1</source>
            <translation>无法完成可见性检查：%1</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The query parameter %1 is not known; only limit is.</source>
            <translation>未知查询参数 %1；只支持 limit。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The query parameter limit must be a whole number from 1 to %1.</source>
            <translation>查询参数 limit 必须是 1 到 %1 之间的整数。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The audit log could not be read: %1.</source>
            <translation>无法读取审计日志：%1。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Server::ReferenceDocs</name>
        <message>
            <location filename="../server/referencedocs.cpp" line="+75" />
            <source>The model id is longer than 200 characters.</source>
            <translation>模型标识超过 200 个字符。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <location line="+24" />
            <location line="+55" />
            <source>Cannot read "%1": %2.</source>
            <translation>无法读取“%1”：%2。</translation>
        </message>
        <message>
            <location line="-40" />
            <source>The import could not start a transaction on the server's database.</source>
            <translation>导入无法在服务器数据库上开始事务。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The document could not be stored: %1</source>
            <translation>无法保存该文档：%1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The import could not be committed; nothing was written.</source>
            <translation>导入无法提交，未写入任何内容。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Server::ServerImporter</name>
        <message>
            <location filename="../server/serverimporter.cpp" line="+252" />
            <source>The file %1 cannot be read: %2.</source>
            <translation>无法读取文件 %1：%2。</translation>
        </message>
        <message>
            <location line="+24" />
            <source>The file is empty: it has no header row.</source>
            <translation>文件为空：没有表头行。</translation>
        </message>
        <message>
            <location line="+37" />
            <source>The header lacks the required column(s) %1.</source>
            <translation>表头缺少必需的列 %1。</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+7" />
            <location line="+9" />
            <source>The import could not start a transaction on the server's database.</source>
            <translation>导入无法在服务器数据库上开始事务。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The parks could not be read: %1.</source>
            <translation>无法读取园区：%1。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The USCC is missing.</source>
            <translation>缺少统一社会信用代码。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The USCC “%1” is invalid: %2</source>
            <translation>统一社会信用代码“%1”无效：%2</translation>
        </message>
        <message>
            <location line="+10" />
            <source>No firm with the USCC %1 is on the server; import the firm roster first.</source>
            <translation>服务器上没有统一社会信用代码为 %1 的企业；请先导入企业名录。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The row has %1 fields but the header has %2 columns.</source>
            <translation>该行有 %1 个字段，但表头有 %2 列。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The firm name is missing.</source>
            <translation>缺少企业名称。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The firm name is longer than 200 characters.</source>
            <translation>企业名称超过 200 个字符。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The legal representative is longer than 100 characters.</source>
            <translation>法定代表人超过 100 个字符。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The establishment date “%1” is not a date written YYYY-MM-DD.</source>
            <translation>成立日期“%1”不是 YYYY-MM-DD 格式的日期。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The establishment date %1 is in the future.</source>
            <translation>成立日期 %1 晚于今天。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The registered capital “%1” (in 万元) is not an amount: %2</source>
            <translation>注册资本“%1”（单位：万元）不是有效金额：%2</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The registered capital “%1” is negative; it must be zero or more.</source>
            <translation>注册资本“%1”为负数；必须大于或等于零。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The industry code “%1” is not a GB/T 4754-2017 section or division.</source>
            <translation>行业代码“%1”不是 GB/T 4754-2017 的门类或大类。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The region code “%1” is not a known GB/T 2260 code.</source>
            <translation>地区码“%1”不是已知的 GB/T 2260 代码。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The park “%1” is not known to the server (give its code or full name).</source>
            <translation>服务器不认识园区“%1”（请填写其代码或全称）。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The number of employees “%1” is not a whole number of zero or more.</source>
            <translation>从业人数“%1”不是大于或等于零的整数。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The month “%1” is not written YYYY-MM (e.g. 2025-03).</source>
            <translation>月份“%1”不是 YYYY-MM 格式（例如 2025-03）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The month %1 is in the future.</source>
            <translation>月份 %1 晚于今天。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The kind of series “%1” is not known; use tax_paid, social_insured, housing_fund, electricity, bank_inflow or bank_outflow.</source>
            <translation>序列类型“%1”未知；请使用 tax_paid、social_insured、housing_fund、electricity、bank_inflow 或 bank_outflow。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The value “%1” of %2 is not an amount in yuan: %3</source>
            <translation>%2 的值“%1”不是以元为单位的金额：%3</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The value “%1” of %2 is negative; it must be zero or more.</source>
            <translation>%2 的值“%1”为负数；必须大于或等于零。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The value “%1” of %2 is not a whole number of zero or more.</source>
            <translation>%2 的值“%1”不是大于或等于零的整数。</translation>
        </message>
        <message>
            <location line="+17" />
            <source>The kind of record “%1” is not known; use tax_grade, penalty, dishonest_debtor or procurement.</source>
            <translation>记录类型“%1”未知；请使用 tax_grade、penalty、dishonest_debtor 或 procurement。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The date “%1” is not a date written YYYY-MM-DD.</source>
            <translation>日期“%1”不是 YYYY-MM-DD 格式的日期。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The date %1 of the record is in the future.</source>
            <translation>记录日期 %1 晚于今天。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The end of validity “%1” is not a date written YYYY-MM-DD.</source>
            <translation>有效期截止日“%1”不是 YYYY-MM-DD 格式的日期。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The end of validity %1 is before the record's date %2.</source>
            <translation>有效期截止日 %1 早于记录日期 %2。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The amount “%1” is not a whole number of fen of zero or more.</source>
            <translation>金额“%1”不是大于或等于零的整数分。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The column %1 is longer than %2 characters.</source>
            <translation>列 %1 超过 %2 个字符。</translation>
        </message>
        <message>
            <location line="+41" />
            <location line="+185" />
            <source>Row %1 could not be stored, so nothing was imported: %2</source>
            <translation>第 %1 行无法保存，因此未导入任何数据：%2</translation>
        </message>
        <message>
            <location line="+30" />
            <source>The import could not be committed; nothing was written.</source>
            <translation>导入无法提交；未写入任何数据。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Store</name>
        <message>
            <location filename="../modules/store/database.cpp" line="+35" />
            <source>The store file %1 cannot be read: %2.</source>
            <translation>无法读取数据库文件 %1：%2。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The file %1 is not a XinDai store: it is not a SQLite database.</source>
            <translation>文件 %1 不是湘信贷数据库：它不是 SQLite 数据库。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The store file %1 is damaged (it is shorter than its header says, for example an interrupted copy). Restore it from a backup.</source>
            <translation>数据库文件 %1 已损坏（文件比其文件头声明的短，例如复制被中断）。请从备份恢复。</translation>
        </message>
        <message>
            <location line="+23" />
            <location line="+91" />
            <source>The store file %1 was made by a newer XinDai (schema %2, this build knows %3). Update XinDai Workbench to open it.</source>
            <translation>数据库文件 %1 由更新版本的湘信贷创建（结构版本 %2，本程序支持到 %3）。请升级湘信贷工作台后再打开。</translation>
        </message>
        <message>
            <location line="-82" />
            <location line="+90" />
            <source>The file %1 is a SQLite database of another program, not a XinDai store.</source>
            <translation>文件 %1 是其他程序的 SQLite 数据库，不是湘信贷数据库。</translation>
        </message>
        <message>
            <location line="-60" />
            <source>No store file was given.</source>
            <translation>未指定数据库文件。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The folder %1 of the store file does not exist.</source>
            <translation>数据库文件所在的文件夹 %1 不存在。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The store file %1 does not exist.</source>
            <translation>数据库文件 %1 不存在。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The store path %1 is a folder, not a file.</source>
            <translation>数据库路径 %1 是文件夹，不是文件。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The store file %1 is read-only: XinDai needs to write to it.</source>
            <translation>数据库文件 %1 为只读：湘信贷需要写入该文件。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The store file %1 could not be opened: %2.</source>
            <translation>无法打开数据库文件 %1：%2。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The store file %1 is damaged and cannot be read (%2). Restore it from a backup.</source>
            <translation>数据库文件 %1 已损坏，无法读取（%2）。请从备份恢复。</translation>
        </message>
        <message>
            <location line="+24" />
            <source>The store file %1 could not be switched to write-ahead logging: %2.</source>
            <translation>无法将数据库文件 %1 切换为预写日志（WAL）模式：%2。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The store file %1 could not be configured: %2.</source>
            <translation>无法配置数据库文件 %1：%2。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The store file %1 could not be brought up to date: %2</source>
            <translation>无法将数据库文件 %1 升级到最新结构：%2</translation>
        </message>
        <message>
            <location filename="../modules/store/enterpriserepository.cpp" line="+293" />
            <source>Could not save the firm: the field “USCC” is required.</source>
            <translation>无法保存企业：必须填写“统一社会信用代码”字段。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Could not save the firm: the field “name” is required.</source>
            <translation>无法保存企业：必须填写“名称”字段。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>USCC %1 is already registered to %2.</source>
            <translation>统一社会信用代码 %1 已登记给 %2。</translation>
        </message>
        <message>
            <location line="+10" />
            <location filename="../modules/store/bulkloader.cpp" line="+454" />
            <source>firm</source>
            <translation>企业</translation>
        </message>
        <message>
            <location filename="../modules/store/referencerepository.cpp" line="+226" />
            <location filename="../modules/store/bulkloader.cpp" line="-75" />
            <source>park</source>
            <translation>园区</translation>
        </message>
        <message>
            <location line="+12" />
            <location filename="../modules/store/bulkloader.cpp" line="+7" />
            <source>institution</source>
            <translation>金融机构</translation>
        </message>
        <message>
            <location line="+17" />
            <location filename="../modules/store/bulkloader.cpp" line="+12" />
            <source>financing product</source>
            <translation>金融产品</translation>
        </message>
        <message>
            <location line="+15" />
            <location filename="../modules/store/bulkloader.cpp" line="+25" />
            <source>policy</source>
            <translation>政策</translation>
        </message>
        <message>
            <location filename="../modules/store/firmdatarepository.cpp" line="+130" />
            <location filename="../modules/store/bulkloader.cpp" line="-149" />
            <source>monthly value</source>
            <translation>月度数据</translation>
        </message>
        <message>
            <location line="+18" />
            <location filename="../modules/store/bulkloader.cpp" line="+202" />
            <source>credit record</source>
            <translation>信用记录</translation>
        </message>
        <message>
            <location filename="../modules/store/applicationrepository.cpp" line="+129" />
            <source>draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <location line="+2" />
            <source>submitted</source>
            <translation>已提交</translation>
        </message>
        <message>
            <location line="+2" />
            <source>accepted</source>
            <translation>已受理</translation>
        </message>
        <message>
            <location line="+2" />
            <source>approved</source>
            <translation>已批准</translation>
        </message>
        <message>
            <location line="+2" />
            <source>rejected</source>
            <translation>已拒绝</translation>
        </message>
        <message>
            <location line="+2" />
            <source>disbursed</source>
            <translation>已放款</translation>
        </message>
        <message>
            <location line="+2" />
            <source>settled</source>
            <translation>已结清</translation>
        </message>
        <message>
            <location line="+2" />
            <source>withdrawn</source>
            <translation>已撤回</translation>
        </message>
        <message>
            <location line="+82" />
            <source>Application %1 cannot go from the state “%2” to the state “%3”.</source>
            <translation>申请 %1 不能从“%2”状态转为“%3”状态。</translation>
        </message>
        <message>
            <location line="+28" />
            <location filename="../modules/store/bulkloader.cpp" line="+31" />
            <source>application</source>
            <translation>融资申请</translation>
        </message>
        <message>
            <location line="+40" />
            <location filename="../modules/store/bulkloader.cpp" line="-18" />
            <source>authorization</source>
            <translation>授权书</translation>
        </message>
        <message>
            <location line="+22" />
            <location filename="../modules/store/bulkloader.cpp" line="+44" />
            <source>document</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../modules/store/userrepository.cpp" line="+75" />
            <source>Could not save the user: the field “login” is required.</source>
            <translation>无法保存用户：必须填写“登录名”字段。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The login %1 is already taken by another user.</source>
            <translation>登录名 %1 已被其他用户使用。</translation>
        </message>
        <message>
            <location line="+13" />
            <location filename="../modules/store/bulkloader.cpp" line="-92" />
            <source>user</source>
            <translation>用户</translation>
        </message>
        <message>
            <location filename="../modules/store/bulkloader.cpp" line="-148" />
            <source>The data could not be loaded: the store is not open.</source>
            <translation>无法导入数据：数据库未打开。</translation>
        </message>
        <message>
            <location line="+31" />
            <source>The data could not be loaded: no transaction could be started (%1).</source>
            <translation>无法导入数据：无法开始事务（%1）。</translation>
        </message>
        <message>
            <location line="-117" />
            <location line="+152" />
            <source>The data could not be loaded: the %1 table could not be prepared (%2).</source>
            <translation>无法导入数据：无法准备 %1 表（%2）。</translation>
        </message>
        <message>
            <location line="-60" />
            <source>The data could not be loaded: the SQLite driver of this Qt build does not give access to its connection.</source>
            <translation>无法导入数据：本 Qt 版本的 SQLite 驱动不提供对其连接的访问。</translation>
        </message>
        <message>
            <location line="+253" />
            <source>The data load was cancelled; nothing of it was kept.</source>
            <translation>数据导入已取消，未保留任何数据。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The data load failed and nothing of it was kept. %1</source>
            <translation>数据导入失败，未保留任何数据。%1</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The data load failed and nothing of it was kept: %1</source>
            <translation>数据导入失败，未保留任何数据：%1</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The search index could not be built: the store is not open.</source>
            <translation>无法建立搜索索引：数据库未打开。</translation>
        </message>
        <message>
            <location filename="../modules/store/outbox.cpp" line="+56" />
            <source>Could not queue the change: the field “kind” must be upsert or delete.</source>
            <translation>无法将变更加入队列：“kind”字段必须为 upsert 或 delete。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Could not queue the change: the fields “entity” and “row id” are required.</source>
            <translation>无法将变更加入队列：必须填写“entity”和“row id”字段。</translation>
        </message>
        <message>
            <location line="+12" />
            <location line="+80" />
            <location filename="../modules/store/changerecorder.cpp" line="+70" />
            <location line="+9" />
            <location line="+59" />
            <source>queued change</source>
            <translation>待同步变更</translation>
        </message>
        <message>
            <location filename="../modules/store/sqlutil.cpp" line="+138" />
            <source>Could not save the %1: the value of the field “%2” is not allowed (for example a negative amount, an empty name or an unknown code).</source>
            <translation>无法保存%1：字段“%2”的值不允许（例如金额为负、名称为空或代码未知）。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Could not save the %1: the field “%2” is required.</source>
            <translation>无法保存%1：必须填写字段“%2”。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Could not save the %1: another record already has the same value in the field “%2”.</source>
            <translation>无法保存%1：已有其他记录的“%2”字段与此值相同。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Could not save the %1: it refers to a park, institution, product, firm, application or user that is not in this store.</source>
            <translation>无法保存%1：它引用的园区、机构、产品、企业、申请或用户不在本数据库中。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Could not save the %1: the database reported “%2”.</source>
            <translation>无法保存%1：数据库报告“%2”。</translation>
        </message>
        <message>
            <location filename="../modules/store/schemamigrator.cpp" line="+79" />
            <source>The schema version of the store could not be read.</source>
            <translation>无法读取数据库的结构版本。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The store has schema version %1, newer than the requested version %2.</source>
            <translation>数据库的结构版本为 %1，高于所要求的版本 %2。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Schema migration %1 is missing from this build.</source>
            <translation>本程序缺少结构迁移 %1。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Schema migration %1 could not start a transaction: %2</source>
            <translation>结构迁移 %1 无法开始事务：%2</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Schema migration %1 failed and was undone: %2</source>
            <translation>结构迁移 %1 失败，已撤销：%2</translation>
        </message>
        <message>
            <location filename="../modules/store/searchindexbatch.cpp" line="+28" />
            <location filename="../modules/store/searchindex.cpp" line="+26" />
            <source>The firm search index could not be switched: %1</source>
            <translation>无法切换企业搜索索引：%1</translation>
        </message>
        <message>
            <location line="+29" />
            <location line="+7" />
            <location filename="../modules/store/searchindex.cpp" line="+12" />
            <location line="+18" />
            <location line="+9" />
            <source>The firm search index could not be rebuilt: %1</source>
            <translation>无法重建企业搜索索引：%1</translation>
        </message>
        <message>
            <location filename="../modules/store/auditlog.cpp" line="+32" />
            <source>The audit log entry could not be written: %1.</source>
            <translation>无法写入审计日志条目：%1。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Sync</name>
        <message>
            <location filename="../modules/sync/operation.cpp" line="+45" />
            <source>The field %1 must be "upsert" or "delete".</source>
            <translation>字段 %1 必须是 "upsert" 或 "delete"。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The field %1 must name at least one changed field for an upsert.</source>
            <translation>对于 upsert，字段 %1 必须至少列出一个已更改的字段。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The field %1 must be absent or empty for a delete.</source>
            <translation>对于 delete，字段 %1 必须不存在或为空。</translation>
        </message>
        <message>
            <location filename="../modules/sync/pushrequest.cpp" line="+31" />
            <source>The field %1 must contain at least one operation.</source>
            <translation>字段 %1 必须至少包含一个操作。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The field %1 holds more than %2 operations.</source>
            <translation>字段 %1 包含的操作超过 %2 个。</translation>
        </message>
        <message>
            <location line="+17" />
            <source>The field %1 repeats an operation id used earlier in the batch.</source>
            <translation>字段 %1 重复使用了本批次中前面已用过的操作 ID。</translation>
        </message>
        <message>
            <location filename="../modules/sync/fieldconflict.cpp" line="+27" />
            <source>The field %1 must not be empty.</source>
            <translation>字段 %1 不能为空。</translation>
        </message>
        <message>
            <location filename="../modules/sync/opresult.cpp" line="+56" />
            <source>The field %1 must be "applied", "conflict" or "rejected".</source>
            <translation>字段 %1 必须是 "applied"、"conflict" 或 "rejected"。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The field %1 must explain why the operation was rejected.</source>
            <translation>字段 %1 必须说明操作被拒绝的原因。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The field %1 is only allowed when the operation was rejected.</source>
            <translation>只有在操作被拒绝时才允许使用字段 %1。</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+2" />
            <source>The field %1 is only allowed for a conflict.</source>
            <translation>只有在发生冲突时才允许使用字段 %1。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The field %1 must list at least one field for a conflict.</source>
            <translation>对于冲突，字段 %1 必须至少列出一个字段。</translation>
        </message>
        <message>
            <location filename="../modules/sync/pushresponse.cpp" line="+42" />
            <source>The field %1 repeats an operation id answered earlier.</source>
            <translation>字段 %1 重复了前面已答复过的操作 ID。</translation>
        </message>
        <message>
            <location filename="../modules/sync/pullrequest.cpp" line="+37" />
            <source>The entry %1 must be an entity name.</source>
            <translation>条目 %1 必须是实体名称。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The entry %1 repeats an entity named earlier.</source>
            <translation>条目 %1 重复了前面已列出的实体。</translation>
        </message>
        <message>
            <location filename="../modules/sync/pullpage.cpp" line="+50" />
            <location filename="../modules/sync/compactpage.cpp" line="+554" />
            <source>The field %1 must be 64 lower-case hexadecimal digits.</source>
            <translation>字段 %1 必须是 64 位小写十六进制数字。</translation>
        </message>
        <message>
            <location line="+14" />
            <location filename="../modules/sync/compactpage.cpp" line="+176" />
            <source>The field %1 must be greater than the previous row's version.</source>
            <translation>字段 %1 必须大于上一行的版本号。</translation>
        </message>
        <message>
            <location line="+8" />
            <location filename="../modules/sync/compactpage.cpp" line="-159" />
            <source>The field nextCursor must not be smaller than the last row's version.</source>
            <translation>字段 nextCursor 不能小于最后一行的版本号。</translation>
        </message>
        <message>
            <location line="+51" />
            <source>The page's checksum does not match its rows: the page was changed or truncated in transit and must be requested again.</source>
            <translation>该页的校验和与其数据行不符：该页在传输中被修改或截断，必须重新请求。</translation>
        </message>
        <message>
            <location filename="../modules/sync/compactpage.cpp" line="-14" />
            <location line="+147" />
            <location filename="../modules/sync/jsonreader.cpp" line="+60" />
            <source>The field %1 is not part of the sync protocol.</source>
            <translation>字段 %1 不属于同步协议。</translation>
        </message>
        <message>
            <location line="-136" />
            <location line="+145" />
            <location filename="../modules/sync/entitycatalog.cpp" line="+321" />
            <location filename="../modules/sync/jsonreader.cpp" line="-11" />
            <source>The field %1 is missing.</source>
            <translation>缺少字段 %1。</translation>
        </message>
        <message>
            <location line="-162" />
            <location line="+92" />
            <location line="+20" />
            <location line="+20" />
            <location filename="../modules/sync/entitycatalog.cpp" line="+100" />
            <location filename="../modules/sync/jsonreader.cpp" line="+24" />
            <source>The field %1 must be a string.</source>
            <translation>字段 %1 必须是字符串。</translation>
        </message>
        <message>
            <location filename="../modules/sync/entitycatalog.cpp" line="-4" />
            <source>The field %1 is not a field of this entity.</source>
            <translation>字段 %1 不是此实体的字段。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The field %1 may not be null.</source>
            <translation>字段 %1 不能为 null。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The field %1 may not be empty.</source>
            <translation>字段 %1 不能为空。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The field %1 is longer than %2 characters.</source>
            <translation>字段 %1 的长度超过 %2 个字符。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The field %1 must be one of: %2.</source>
            <translation>字段 %1 必须是以下值之一：%2。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The field %1 must hold a JSON document.</source>
            <translation>字段 %1 必须包含 JSON 文档。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The field %1 must be a number.</source>
            <translation>字段 %1 必须是数字。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The field %1 must be at least %2.</source>
            <translation>字段 %1 必须不小于 %2。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The field %1 must be a date written yyyy-MM-dd.</source>
            <translation>字段 %1 必须是 yyyy-MM-dd 格式的日期。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The field %1 must be a UTC time written yyyy-MM-ddTHH:mm:ss.zzzZ.</source>
            <translation>字段 %1 必须是 yyyy-MM-ddTHH:mm:ss.zzzZ 格式的 UTC 时间。</translation>
        </message>
        <message>
            <location filename="../modules/sync/compactpage.cpp" line="-18" />
            <location filename="../modules/sync/entitycatalog.cpp" line="+2" />
            <location filename="../modules/sync/jsonreader.cpp" line="+11" />
            <source>The field %1 must be a lower-case UUID without braces.</source>
            <translation>字段 %1 必须是不带花括号的小写 UUID。</translation>
        </message>
        <message>
            <location line="-20" />
            <location filename="../modules/sync/jsonreader.cpp" line="+11" />
            <source>The field %1 must be an entity name (lower-case letters, digits and underscores, starting with a letter, at most 64 characters).</source>
            <translation>字段 %1 必须是实体名称（小写字母、数字和下划线，以字母开头，最多 64 个字符）。</translation>
        </message>
        <message>
            <location line="-505" />
            <source>The page is not valid JSON (at byte %1).</source>
            <translation>该页不是有效的 JSON（第 %1 字节处）。</translation>
        </message>
        <message>
            <location line="+366" />
            <location line="+28" />
            <location line="+140" />
            <location filename="../modules/sync/entitycatalog.cpp" line="-10" />
            <location filename="../modules/sync/jsonreader.cpp" line="+15" />
            <source>The field %1 must be a whole number.</source>
            <translation>字段 %1 必须是整数。</translation>
        </message>
        <message>
            <location line="-165" />
            <location filename="../modules/sync/jsonreader.cpp" line="+4" />
            <source>The field %1 must lie between %2 and %3.</source>
            <translation>字段 %1 必须介于 %2 和 %3 之间。</translation>
        </message>
        <message>
            <location line="+34" />
            <location line="+158" />
            <location filename="../modules/sync/entitycatalog.cpp" line="+4" />
            <location filename="../modules/sync/jsonreader.cpp" line="+14" />
            <source>The field %1 must be true or false.</source>
            <translation>字段 %1 必须是 true 或 false。</translation>
        </message>
        <message>
            <location line="-10" />
            <location filename="../modules/sync/jsonreader.cpp" line="+11" />
            <source>The field %1 must be a UTC time written as yyyy-MM-ddTHH:mm:ss.zzzZ.</source>
            <translation>字段 %1 必须是 yyyy-MM-ddTHH:mm:ss.zzzZ 格式的 UTC 时间。</translation>
        </message>
        <message>
            <location line="-65" />
            <location filename="../modules/sync/jsonreader.cpp" line="+24" />
            <source>The field %1 must be a JSON object.</source>
            <translation>字段 %1 必须是 JSON 对象。</translation>
        </message>
        <message>
            <location line="-101" />
            <location filename="../modules/sync/jsonreader.cpp" line="+13" />
            <source>The field %1 must be a JSON array.</source>
            <translation>字段 %1 必须是 JSON 数组。</translation>
        </message>
        <message>
            <location filename="../modules/sync/jsonreader.cpp" line="+13" />
            <source>The entry %1 must be a JSON object.</source>
            <translation>条目 %1 必须是 JSON 对象。</translation>
        </message>
        <message>
            <location filename="../modules/sync/visiblerequest.cpp" line="+29" />
            <source>The field %1 must name a synced entity of firm scope (enterprise).</source>
            <translation>字段 %1 必须是按企业划分范围的同步实体（enterprise）。</translation>
        </message>
        <message>
            <location filename="../modules/sync/idlist.cpp" line="+14" />
            <source>The field %1 holds more than %2 ids.</source>
            <translation>字段 %1 包含的标识超过 %2 个。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The entry %1 must be a lower-case UUID without braces.</source>
            <translation>条目 %1 必须是不带花括号的小写 UUID。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The entry %1 repeats an id named earlier.</source>
            <translation>条目 %1 与前面的标识重复。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::SyncClient</name>
        <message>
            <location filename="../modules/syncclient/syncstate.cpp" line="+74" />
            <source>Could not save the synchronisation state: the database reported “%1”.</source>
            <translation>无法保存同步状态：数据库报告“%1”。</translation>
        </message>
        <message>
            <location filename="../modules/syncclient/rowapplier.cpp" line="+144" />
            <source>Could not store the %1 row %2 received from the server: the database reported “%3”.</source>
            <translation>无法存储从服务器收到的%1行 %2：数据库报告“%3”。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The local store is not an SQLite database opened by this program.</source>
            <translation>本地数据库不是由本程序打开的 SQLite 数据库。</translation>
        </message>
        <message>
            <location filename="../modules/syncclient/uncheckedtransaction.cpp" line="+29" />
            <source>Could not start a transaction in the local store: %1</source>
            <translation>无法在本地数据库中开启事务：%1</translation>
        </message>
        <message>
            <location filename="../modules/syncclient/pullapplier.cpp" line="+95" />
            <source>The page was interrupted on purpose (test hook).</source>
            <translation>该页被有意中断（测试钩子）。</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Could not commit the pulled rows to the local store: %1</source>
            <translation>无法将拉取的行提交到本地数据库：%1</translation>
        </message>
        <message>
            <location filename="../modules/syncclient/pushresulthandler.cpp" line="+110" />
            <source>Could not record the server's answer in the local store: %1</source>
            <translation>无法在本地数据库中记录服务器的应答：%1</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The server answered an operation (%1) that was not sent.</source>
            <translation>服务器应答了一个未曾发送的操作（%1）。</translation>
        </message>
        <message>
            <location line="+61" />
            <source>Could not commit the server's answer to the local store: %1</source>
            <translation>无法将服务器的应答提交到本地数据库：%1</translation>
        </message>
        <message>
            <location filename="../modules/syncclient/syncworker.cpp" line="+104" />
            <source>The server address “%1” is not a valid URL.</source>
            <translation>服务器地址“%1”不是有效的 URL。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The server address %1 uses plain HTTP: only https is allowed for a server on another computer.</source>
            <translation>服务器地址 %1 使用明文 HTTP：其他计算机上的服务器只允许使用 https。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The server address %1 must start with https://.</source>
            <translation>服务器地址 %1 必须以 https:// 开头。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The CA certificate file %1 holds no PEM certificate.</source>
            <translation>CA 证书文件 %1 不含 PEM 证书。</translation>
        </message>
        <message>
            <location line="+16" />
            <source>No sync server is configured.</source>
            <translation>尚未配置同步服务器。</translation>
        </message>
        <message>
            <location line="+19" />
            <source>The server refused the login name or the password.</source>
            <translation>服务器拒绝了该登录名或密码。</translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>Too many failed sign-ins: wait %n second(s), then try again.</source>
            <translation>
                <numerusform>登录失败次数过多：请等待 %n 秒后再试。</numerusform>
            </translation>
        </message>
        <message>
            <location line="+111" />
            <source>The server sent an invalid push answer: %1</source>
            <translation>服务器发送了无效的推送应答：%1</translation>
        </message>
        <message>
            <location line="+61" />
            <source>The server sent an invalid page of data: %1</source>
            <translation>服务器发送了无效的数据页：%1</translation>
        </message>
        <message>
            <location line="+62" />
            <source>The server sent a page that does not move the sync cursor forward.</source>
            <translation>服务器发送的数据页未使同步游标前进。</translation>
        </message>
        <message>
            <location line="+229" />
            <source>The server answered with HTTP status %1.</source>
            <translation>服务器应答了 HTTP 状态码 %1。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The server %1 cannot be reached: %2</source>
            <translation>无法连接服务器 %1：%2</translation>
        </message>
        <message>
            <location filename="../modules/syncclient/scopepurge.cpp" line="+103" />
            <source>Could not remove the %1 rows of firms you may no longer see: %2</source>
            <translation>无法删除您已无权查看的企业的 %1 记录：%2</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Could not commit the removal of firms you may no longer see: %1</source>
            <translation>无法提交对您已无权查看的企业的删除：%1</translation>
        </message>
        <message>
            <location filename="../modules/syncclient/firmadoption.cpp" line="+82" />
            <source>Could not join the firm registered here with the server's firm of the same USCC: %1</source>
            <translation>无法将本机登记的企业与服务器上统一社会信用代码相同的企业合并：%1</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::AboutDialog</name>
        <message>
            <location filename="../ui/shell/aboutdialog.cpp" line="+14" />
            <source>About XinDai Workbench</source>
            <translation>关于湘信贷工作台</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&lt;h2&gt;XinDai Workbench %1&lt;/h2&gt;&lt;p&gt;Desktop suite of the Hunan enterprise financing credit service platform: firm data, financing applications and support policies for service windows, banks and parks.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running on Qt %3). Local database schema version %4.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;湘信贷工作台 %1&lt;/h2&gt;&lt;p&gt;湖南省企业融资信用服务平台桌面套件：为服务窗口、银行和园区提供企业数据、融资申请和惠企政策。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建（运行于 Qt %3）。本地数据库结构版本 %4。&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::ApplicationListWidget</name>
        <message>
            <location filename="../ui/common/applicationlistwidget.cpp" line="+27" />
            <source>All states</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <location line="+3" />
            <source>State:</source>
            <translation>状态：</translation>
        </message>
        <message numerus="yes">
            <location line="+57" />
            <source>%n application(s)</source>
            <translation>
                <numerusform>%n 笔申请</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::ApplicationTableModel</name>
        <message>
            <location filename="../ui/common/applicationtablemodel.cpp" line="+100" />
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Firm</source>
            <translation>企业</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Product</source>
            <translation>产品</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Institution</source>
            <translation>机构</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Amount requested</source>
            <translation>申请金额</translation>
        </message>
        <message>
            <location line="+2" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Submitted</source>
            <translation>已提交</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Accepted</source>
            <translation>已受理</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Decided</source>
            <translation>审批结果时间</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::BankInboxPage</name>
        <message>
            <location filename="../ui/bank/bankinboxpage.cpp" line="+23" />
            <source>Application inbox</source>
            <translation>申请收件箱</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Application inbox of %1</source>
            <translation>%1申请收件箱</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::ConflictResolver</name>
        <message>
            <location filename="../ui/common/conflictresolver.cpp" line="+296" />
            <location line="+104" />
            <source>The conflict is no longer open: it was resolved already.</source>
            <translation>该冲突已不再待处理：它已被解决。</translation>
        </message>
        <message>
            <location line="-94" />
            <source>The field "%1" of a %2 cannot be changed in this client: the server's value stays.</source>
            <translation>本客户端无法修改%2的字段“%1”：保留服务器的值。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Your value could not be applied: the local database is busy. Please try again.</source>
            <translation>无法应用您的值：本地数据库正忙。请重试。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Your value could not be saved in the local database. Please try again.</source>
            <translation>无法将您的值保存到本地数据库。请重试。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Your value of the field "%1" (%2) is not valid for it any more.</source>
            <translation>您为字段“%1”填写的值（%2）已不再有效。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The %1 is no longer in the local data (the server deleted it), so your value cannot be applied.</source>
            <translation>该%1已不在本地数据中（服务器已将其删除），因此无法应用您的值。</translation>
        </message>
        <message>
            <location line="+62" />
            <source>The conflict could not be marked as resolved: %1</source>
            <translation>无法将冲突标记为已解决：%1</translation>
        </message>
        <message>
            <location line="+16" />
            <source>The rejected change could not be dismissed: %1</source>
            <translation>无法忽略被拒绝的更改：%1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The rejected change was dismissed already.</source>
            <translation>被拒绝的更改已被忽略。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::ConflictTableModel</name>
        <message>
            <location filename="../ui/common/conflicttablemodel.cpp" line="+46" />
            <source>Another application had already taken this number, so the server gave this one the next free number. A receipt printed before shows the old number: tell the firm the new one.</source>
            <translation>该编号已被另一笔申请占用，服务器已为本申请分配下一个可用编号。此前打印的回执上是旧编号，请告知企业新编号。</translation>
        </message>
        <message>
            <location line="+40" />
            <source>The server's value is kept in the local data.</source>
            <translation>本地数据保留服务器的值。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Your value, not applied: use "Use my value" to send it again.</source>
            <translation>您的值，未应用：使用“使用我的值”可再次发送。</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Record</source>
            <translation>记录</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location line="+2" />
            <source>My value</source>
            <translation>我的值</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Server's value (kept)</source>
            <translation>服务器的值（已保留）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Detected at</source>
            <translation>检测时间</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::ConflictsPage</name>
        <message>
            <location filename="../ui/common/conflictspage.cpp" line="+56" />
            <source>Keep the server's value</source>
            <translation>保留服务器的值</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Use my value</source>
            <translation>使用我的值</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dismiss</source>
            <translation>忽略</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Sync conflicts</source>
            <translation>同步冲突</translation>
        </message>
        <message>
            <location line="+3" />
            <source>When you and someone else changed the same field, the server's value is kept and yours is listed here. Keep the server's value, or use yours: it is then sent to the server again with the next synchronisation.</source>
            <translation>当您和他人修改了同一字段时，系统保留服务器的值，并在此列出您的值。您可以保留服务器的值，或使用您的值：您的值将在下次同步时再次发送到服务器。</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Hide the selected rejected changes. The server's version of the record stays.</source>
            <translation>隐藏所选的被拒绝更改。记录保持服务器上的版本。</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Open conflicts: %1</source>
            <translation>未解决的冲突：%1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Changes the server rejected: %1</source>
            <translation>服务器拒绝的更改：%1</translation>
        </message>
        <message>
            <location line="+29" />
            <source>%1 · %2: %3</source>
            <translation>%1 · %2：%3</translation>
        </message>
        <message numerus="yes">
            <location line="+11" />
            <source>%n conflict(s) resolved: the server's value is kept.</source>
            <translation>
                <numerusform>已解决 %n 个冲突：保留服务器的值。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n conflict(s) resolved: your value will be sent with the next synchronisation.</source>
            <translation>
                <numerusform>已解决 %n 个冲突：您的值将在下次同步时发送。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+26" />
            <source>%n rejected change(s) dismissed.</source>
            <translation>
                <numerusform>已忽略 %n 项被拒绝的更改。</numerusform>
            </translation>
        </message>
        <message>
            <location line="+23" />
            <source>This field is reference data maintained on the server: only the server's value can be kept.</source>
            <translation>该字段是由服务器维护的参考数据：只能保留服务器的值。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Write your value into the record again; it is sent to the server with the next synchronisation.</source>
            <translation>将您的值重新写入记录；它将在下次同步时发送到服务器。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::CreditReportDialog</name>
        <message>
            <location filename="../ui/common/creditreportdialog.cpp" line="+22" />
            <source>Credit report</source>
            <translation>信用报告</translation>
        </message>
        <message>
            <location line="+6" />
            <source>A report is produced only when the firm has signed an authorization for the institution and this purpose.</source>
            <translation>只有企业已为该机构和该用途签署授权书，才能生成报告。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Requesting institution</source>
            <translation>查询机构</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purpose</source>
            <translation>用途</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Generate</source>
            <translation>生成</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::DomainLabels</name>
        <message>
            <location filename="../ui/common/domainlabels.cpp" line="+15" />
            <source>Draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Submitted</source>
            <translation>已提交</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Accepted</source>
            <translation>已受理</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Approved</source>
            <translation>已批准</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Rejected</source>
            <translation>已拒绝</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Disbursed</source>
            <translation>已放款</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Settled</source>
            <translation>已结清</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Withdrawn</source>
            <translation>已撤回</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Window staff</source>
            <translation>窗口人员</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Park manager</source>
            <translation>园区管理员</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Bank officer</source>
            <translation>银行客户经理</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Administrator</source>
            <translation>系统管理员</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Tax paid</source>
            <translation>纳税额</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Social insurance headcount</source>
            <translation>社保缴纳人数</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Housing fund</source>
            <translation>公积金缴存额</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Electricity</source>
            <translation>用电量</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Bank inflow</source>
            <translation>银行流入</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Bank outflow</source>
            <translation>银行流出</translation>
        </message>
        <message>
            <location line="+9" />
            <source>persons</source>
            <translation>人</translation>
        </message>
        <message>
            <location line="+2" />
            <source>kWh</source>
            <translation>千瓦时</translation>
        </message>
        <message>
            <location line="+5" />
            <source>yuan</source>
            <translation>元</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Tax credit grade</source>
            <translation>纳税信用等级</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Administrative penalty</source>
            <translation>行政处罚</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Dishonest debtor listing</source>
            <translation>失信被执行人</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Government procurement</source>
            <translation>政府采购</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Public resource contract</source>
            <translation>公共资源交易</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Subsidy</source>
            <translation>补贴</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Qualification</source>
            <translation>资质</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Patent</source>
            <translation>专利</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Bank</source>
            <translation>银行</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Insurer</source>
            <translation>保险机构</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Guarantor</source>
            <translation>担保机构</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Leasing</source>
            <translation>融资租赁</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Factoring</source>
            <translation>商业保理</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Microcredit</source>
            <translation>小额贷款</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Equity investor</source>
            <translation>股权投资机构</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Interest subsidy</source>
            <translation>贷款贴息</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Risk compensation</source>
            <translation>风险补偿</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Guarantee fee subsidy</source>
            <translation>担保费补贴</translation>
        </message>
        <message>
            <location line="+2" />
            <source>First loan support</source>
            <translation>首贷支持</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Qualification award</source>
            <translation>资质奖励</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::FirmProfileWidget</name>
        <message>
            <location filename="../ui/common/firmprofilewidget.cpp" line="+74" />
            <source>Choose a firm in the search results to see its profile.</source>
            <translation>在搜索结果中选择一家企业以查看其档案。</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Credit report…</source>
            <translation>信用报告…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Registration</source>
            <translation>登记信息</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Qualifications &amp;&amp; records</source>
            <translation>资质/记录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Monthly data</source>
            <translation>月度数据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Financing applications</source>
            <translation>融资申请</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Credit score</source>
            <translation>信用评分</translation>
        </message>
        <message>
            <location line="+33" />
            <location line="+29" />
            <source>The report signing key cannot be loaded: %1</source>
            <translation>无法加载报告签名密钥：%1</translation>
        </message>
        <message>
            <location line="-18" />
            <location line="+29" />
            <source>No report was produced: %1</source>
            <translation>未生成报告：%1</translation>
        </message>
        <message>
            <location line="-28" />
            <location line="+29" />
            <source>The report could not be produced: %1</source>
            <translation>报告生成失败：%1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Save the credit report</source>
            <translation>保存信用报告</translation>
        </message>
        <message>
            <location line="+2" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The report %1 could not be saved to %2: %3</source>
            <translation>报告 %1 无法保存到 %2：%3</translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>The credit report %1 (%n page(s)) was saved to %2.
Verification code: %3</source>
            <translation>
                <numerusform>信用报告 %1（共 %n 页）已保存到 %2。
验证码：%3</numerusform>
            </translation>
        </message>
        <message>
            <location line="+12" />
            <source>Credit report</source>
            <translation>信用报告</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Entity kind</source>
            <translation>主体类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Legal representative</source>
            <translation>法定代表人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Representative's ID number</source>
            <translation>法定代表人身份证号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Established</source>
            <translation>成立日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Registered capital</source>
            <translation>注册资本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Industry</source>
            <translation>行业</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Region</source>
            <translation>地区</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Employees</source>
            <translation>从业人数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Annual revenue</source>
            <translation>营业收入</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Total assets</source>
            <translation>资产总额</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Trend of:</source>
            <translation>趋势：</translation>
        </message>
        <message>
            <location line="+63" />
            <source>The firm with id %1 is not in the local database.</source>
            <translation>本地数据库中没有 ID 为 %1 的企业。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Outside any park</source>
            <translation>不在园区内</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Enterprise</source>
            <translation>企业</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Individual business</source>
            <translation>个体工商户</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+3" />
            <location line="+48" />
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::FirmScoreWidget</name>
        <message>
            <location filename="../ui/common/firmscorewidget.cpp" line="+101" />
            <source>What lowered the score most</source>
            <translation>拉低评分最多的因素</translation>
        </message>
        <message>
            <location line="+2" />
            <source>What would raise the score</source>
            <translation>如何提高评分</translation>
        </message>
        <message>
            <location line="+44" />
            <source>Credit score</source>
            <translation>信用评分</translation>
        </message>
        <message>
            <location line="+17" />
            <source>The firm with id %1 is not in the local database.</source>
            <translation>本地数据库中没有 ID 为 %1 的企业。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The individual-business model cannot be loaded: %1</source>
            <translation>无法加载个体工商户评分模型：%1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Individual business score (0–100)</source>
            <translation>个体工商户信用评分（0–100）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Individual businesses are scored with the expert-weighted model instead of the commercial and knowledge scorecards.</source>
            <translation>个体工商户使用专家权重模型评分，不使用商业价值和知识价值评分卡。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>%1 has no data, so it added %2 of %3 possible points.</source>
            <translation>%1 无数据，仅得 %2 分（满分 %3 分）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 added %2 of %3 possible points.</source>
            <translation>%1 得 %2 分（满分 %3 分）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Reaching the best value of %1 would add %2 points.</source>
            <translation>%1 达到最佳值可增加 %2 分。</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+19" />
            <location line="+12" />
            <source>Model %1 (%2, version %3), as of %4.</source>
            <translation>模型：%1（%2，第 %3 版），数据截至 %4。</translation>
        </message>
        <message>
            <location line="-24" />
            <source>The commercial-value scorecard cannot be loaded: %1</source>
            <translation>无法加载商业价值评分卡：%1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Commercial value score (%1–%2)</source>
            <translation>商业价值评分（%1–%2）</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Knowledge value score: %1 of %2 (grade %3)</source>
            <translation>知识价值评分：%1 分（满分 %2 分，等级 %3）</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The knowledge-value scorecard cannot be loaded: %1</source>
            <translation>无法加载知识价值评分卡：%1</translation>
        </message>
        <message>
            <location line="+6" />
            <source>No factor lowered the score: every factor is at its best value.</source>
            <translation>没有拉低评分的因素：每个因素都处于最佳值。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No factor can raise the score further.</source>
            <translation>没有可以进一步提高评分的因素。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::FirmSearchModel</name>
        <message>
            <location filename="../ui/common/firmsearchmodel.cpp" line="+67" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+2" />
            <source>USCC</source>
            <translation>统一社会信用代码</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Region</source>
            <translation>地区</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Industry</source>
            <translation>行业</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Park</source>
            <translation>园区</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::FirmSearchWidget</name>
        <message>
            <location filename="../ui/common/firmsearchwidget.cpp" line="+26" />
            <source>Search firms by name or USCC (at least 2 characters)</source>
            <translation>按企业名称或统一社会信用代码搜索（至少 2 个字符）</translation>
        </message>
        <message>
            <location line="+69" />
            <source>Type at least 2 characters of a firm name or USCC.</source>
            <translation>请输入企业名称或统一社会信用代码的至少 2 个字符。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>No firm matches "%1".</source>
            <translation>没有与“%1”匹配的企业。</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n firm(s) found.</source>
            <translation>
                <numerusform>找到 %n 家企业。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::FirstSyncDialog</name>
        <message>
            <location filename="../ui/shell/firstsyncdialog.cpp" line="+25" />
            <source>Continue in the background</source>
            <translation>在后台继续</translation>
        </message>
        <message>
            <location line="+3" />
            <source>First synchronisation</source>
            <translation>首次同步</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This computer has no local data yet. XinDai Workbench is downloading the records you may see from the server.</source>
            <translation>本计算机尚无本地数据。湘信贷工作台正在从服务器下载您有权查看的记录。</translation>
        </message>
        <message>
            <location line="+37" />
            <source>All records are downloaded.</source>
            <translation>所有记录均已下载。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Downloaded %1 of %2 records.</source>
            <translation>已下载 %1 / %2 条记录。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Connecting to the server…</source>
            <translation>正在连接服务器…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The server ended the session: sign in again to download the records.</source>
            <translation>服务器已结束会话：请重新登录以下载记录。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The download is interrupted; it is retried automatically.</source>
            <translation>下载已中断；将自动重试。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The server cannot be reached.</source>
            <translation>无法连接服务器。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::ImportDialog</name>
        <message>
            <location filename="../ui/common/importdialog.cpp" line="+59" />
            <source>Import data</source>
            <translation>导入数据</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Choose the CSV file to import</source>
            <translation>选择要导入的 CSV 文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CSV files (*.csv *.txt);;All files (*)</source>
            <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Export the import errors</source>
            <translation>导出导入错误</translation>
        </message>
        <message>
            <location line="+0" />
            <source>import-errors.csv</source>
            <translation>import-errors.csv</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&lt; &amp;Back</source>
            <translation>&lt; 上一步(&amp;B)</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+183" />
            <source>&amp;Next &gt;</source>
            <translation>下一步(&amp;N) &gt;</translation>
        </message>
        <message>
            <location line="-181" />
            <source>Cancel import</source>
            <translation>取消导入</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+191" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location line="-155" />
            <source>No file chosen</source>
            <translation>未选择文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Choose…</source>
            <translation>选择(&amp;C)…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Firm roster (one firm per row)</source>
            <translation>企业名录（每行一家企业）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Monthly series (one monthly value per row)</source>
            <translation>月度数据系列（每行一个月度数值）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Detect automatically</source>
            <translation>自动检测</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+220" />
            <source>UTF-8</source>
            <translation>UTF-8</translation>
        </message>
        <message>
            <location line="-219" />
            <source>GB18030 (GBK, Chinese Excel)</source>
            <translation>GB18030（GBK，中文版 Excel）</translation>
        </message>
        <message>
            <location line="+5" />
            <source>File:</source>
            <translation>文件：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Data:</source>
            <translation>数据：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Encoding:</source>
            <translation>编码：</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Choose a CSV file exported from Excel or another system. Headers may be in Chinese or English; the formats are described in the user guide.</source>
            <translation>请选择从 Excel 或其他系统导出的 CSV 文件。表头可以是中文或英文；格式说明见用户指南。</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Column in the file</source>
            <translation>文件中的列</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Imported as</source>
            <translation>导入为</translation>
        </message>
        <message>
            <location line="+0" />
            <source>First value</source>
            <translation>首个值</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Firms whose USCC is already stored</source>
            <translation>统一社会信用代码已存储的企业</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Update them with the file's values</source>
            <translation>用文件中的值更新这些企业(&amp;U)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Skip them (leave the stored firm unchanged)</source>
            <translation>跳过这些企业（保持已存储的企业不变）(&amp;S)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Choose the field each column of the file is imported as:</source>
            <translation>请为文件的每一列选择要导入的字段：</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Preview of the first rows:</source>
            <translation>前几行预览：</translation>
        </message>
        <message>
            <location line="+18" />
            <source>&amp;Export errors…</source>
            <translation>导出错误(&amp;E)…</translation>
        </message>
        <message>
            <location line="+61" />
            <source>&amp;Validate &gt;</source>
            <translation>校验(&amp;V) &gt;</translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <source>&amp;Import %n valid row(s)</source>
            <translation>
                <numerusform>导入 %n 个有效行(&amp;I)</numerusform>
            </translation>
        </message>
        <message>
            <location line="+4" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+21" />
            <source>The file %1 cannot be read: %2.</source>
            <translation>无法读取文件 %1：%2。</translation>
        </message>
        <message>
            <location line="+57" />
            <source>GB18030 (GBK)</source>
            <translation>GB18030 (GBK)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Detected encoding: %1.</source>
            <translation>检测到的编码：%1。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read as %1.</source>
            <translation>按 %1 读取。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The file is empty: it has no header row.</source>
            <translation>文件为空：没有表头行。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The header row (line %1) cannot be read: %2</source>
            <translation>无法读取表头行（第 %1 行）：%2</translation>
        </message>
        <message>
            <location line="+26" />
            <source>(ignore this column)</source>
            <translation>（忽略此列）</translation>
        </message>
        <message>
            <location line="+48" />
            <source>These required fields are not mapped to any column: %1.</source>
            <translation>以下必填字段未映射到任何列：%1。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>These fields are mapped to more than one column: %1.</source>
            <translation>以下字段映射到了多个列：%1。</translation>
        </message>
        <message>
            <location line="+43" />
            <source>The file cannot be imported: %1 Nothing was written.</source>
            <translation>无法导入该文件：%1 未写入任何内容。</translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>Checked without writing anything: %n valid row(s)</source>
            <translation>
                <numerusform>已检查（未写入任何内容）：%n 个有效行</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>and %n invalid row(s).</source>
            <translation>
                <numerusform>以及 %n 个无效行。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>%n row(s) name a firm already stored and will be skipped.</source>
            <translation>
                <numerusform>%n 行指定的企业已存储，将被跳过。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n row(s) will update a firm already stored.</source>
            <translation>
                <numerusform>%n 行将更新已存储的企业。</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>Invalid rows are never imported, not even in part; they are listed below.</source>
            <translation>无效行绝不会被导入，哪怕是部分导入；它们列在下方。</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Importing %1…</source>
            <translation>正在导入 %1…</translation>
        </message>
        <message>
            <location line="+25" />
            <source>The import was cancelled; nothing was written.</source>
            <translation>导入已取消；未写入任何内容。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The import failed: %1 Nothing was written.</source>
            <translation>导入失败：%1 未写入任何内容。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Imported: %1 monthly values. Rejected: %2 rows.</source>
            <translation>已导入：%1 个月度数值。已拒绝：%2 行。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Imported: %1 firms (of which %2 updated a stored firm). Skipped: %3 firms already stored. Rejected: %4 rows.</source>
            <translation>已导入：%1 家企业（其中 %2 家更新了已存储的企业）。已跳过：%3 家已存储的企业。已拒绝：%4 行。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::ImportErrorModel</name>
        <message>
            <location filename="../ui/common/importerrormodel.cpp" line="+35" />
            <source>whole file</source>
            <translation>整个文件</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Row</source>
            <translation>行</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Line</source>
            <translation>行号</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::LoginDialog</name>
        <message>
            <location filename="../ui/shell/logindialog.cpp" line="+37" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Sign in to XinDai Workbench</source>
            <translation>登录湘信贷工作台</translation>
        </message>
        <message>
            <location line="+8" />
            <source>XinDai Workbench</source>
            <translation>湘信贷工作台</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Hunan enterprise financing credit service platform</source>
            <translation>湖南省企业融资信用服务平台</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Login name</source>
            <translation>登录名</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Login:</source>
            <translation>登录名：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password:</source>
            <translation>密码：</translation>
        </message>
        <message>
            <location line="+9" />
            <source>e.g. https://xindai.example.cn:8443/ (empty: this computer only)</source>
            <translation>例如 https://xindai.example.cn:8443/（留空：仅限本机）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>empty: the system's certificate authorities</source>
            <translation>留空：使用系统的证书颁发机构</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Server address:</source>
            <translation>服务器地址：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CA certificate:</source>
            <translation>CA 证书：</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Server settings (none: sign in on this computer)</source>
            <translation>服务器设置（无：在本机登录）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Server settings (%1)</source>
            <translation>服务器设置（%1）</translation>
        </message>
        <message>
            <location line="+11" />
            <source>CA certificate of the server</source>
            <translation>服务器的 CA 证书</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PEM certificates (*.pem *.crt);;All files (*)</source>
            <translation>PEM 证书 (*.pem *.crt);;所有文件 (*)</translation>
        </message>
        <message numerus="yes">
            <location line="+33" />
            <source>Too many failed sign-in attempts. Please wait %n second(s) and try again.</source>
            <translation>
                <numerusform>登录失败次数过多，请等待 %n 秒后再试。</numerusform>
            </translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+76" />
            <source>Please enter your login name.</source>
            <translation>请输入登录名。</translation>
        </message>
        <message>
            <location line="-72" />
            <location line="+73" />
            <source>Please enter your password.</source>
            <translation>请输入密码。</translation>
        </message>
        <message>
            <location line="-64" />
            <source>The login name or password is wrong. After %1 failed attempts in a row, sign-in is locked for %2 seconds.</source>
            <translation>登录名或密码错误。连续失败 %1 次后，登录已锁定 %2 秒。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The login name or password is wrong (failed attempts in a row: %1 of %2).</source>
            <translation>登录名或密码错误（已连续失败 %1 次，共允许 %2 次）。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The account "%1" is disabled. Please ask an administrator to enable it.</source>
            <translation>账号“%1”已停用，请联系管理员启用。</translation>
        </message>
        <message>
            <location line="+59" />
            <source>The server address "%1" is not valid: write it as https://host:port/.</source>
            <translation>服务器地址“%1”无效：请写成 https://host:port/ 的形式。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The CA certificate file %1 does not exist.</source>
            <translation>CA 证书文件 %1 不存在。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Signing in at %1 …</source>
            <translation>正在登录 %1 …</translation>
        </message>
        <message>
            <location line="+38" />
            <source>The server cannot be reached (%1), and signing in with the data on this computer failed: %2</source>
            <translation>无法连接服务器（%1），且使用本机数据登录失败：%2</translation>
        </message>
        <message>
            <location line="+46" />
            <source>The server's description of the user is incomplete (id, login or role "%1" missing or unknown). Please report this to the administrator.</source>
            <translation>服务器返回的用户信息不完整（缺少 id、登录名或角色“%1”，或其无法识别）。请将此问题报告给管理员。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::MainWindow</name>
        <message>
            <location filename="../ui/shell/mainwindow.cpp" line="+56" />
            <source>XinDai Workbench — %1</source>
            <translation>湘信贷工作台 — %1</translation>
        </message>
        <message>
            <location line="+16" />
            <source>XinDai Workbench</source>
            <translation>湘信贷工作台</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 · %2 · %3</source>
            <translation>%1 · %2 · %3</translation>
        </message>
        <message>
            <location line="+94" />
            <source>Receive a walk-in firm…</source>
            <translation>接待来访企业…</translation>
        </message>
        <message>
            <location line="+43" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Import data…</source>
            <translation>导入数据(&amp;I)…</translation>
        </message>
        <message>
            <location line="+13" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <location line="+16" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Verify a report…</source>
            <translation>验证报告(&amp;V)…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;About XinDai Workbench</source>
            <translation>关于湘信贷工作台(&amp;A)</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The language will change the next time XinDai Workbench starts.</source>
            <translation>语言将在下次启动湘信贷工作台时切换。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::Navigation</name>
        <message>
            <location filename="../ui/shell/navigation.cpp" line="+28" />
            <source>Overview</source>
            <translation>概览</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Park credit index</source>
            <translation>园区信用指数</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Firms</source>
            <translation>企业</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Walk-in reception</source>
            <translation>现场接待</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Policy matching</source>
            <translation>政策匹配</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Product matching</source>
            <translation>智能撮合</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Park applications</source>
            <translation>园区申请</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Application inbox</source>
            <translation>申请收件箱</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Users</source>
            <translation>用户</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Institutions</source>
            <translation>金融机构</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Products</source>
            <translation>金融产品</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Policies</source>
            <translation>惠企政策</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Sync conflicts</source>
            <translation>同步冲突</translation>
        </message>
        <message>
            <location line="-18" />
            <source>Policy → firms</source>
            <translation>政策找企业</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Rule editor</source>
            <translation>规则编辑</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::ParkApplicationsPage</name>
        <message>
            <location filename="../ui/window/parkapplicationspage.cpp" line="+40" />
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last 7 days</source>
            <translation>最近 7 天</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last 30 days</source>
            <translation>最近 30 天</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Activity:</source>
            <translation>业务日期：</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Applications of the park</source>
            <translation>园区融资申请</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::ParkDashboardPage</name>
        <message>
            <location filename="../ui/park/parkdashboardpage.cpp" line="+35" />
            <source>Overview of all parks</source>
            <translation>全部园区概览</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Overview of %1</source>
            <translation>%1概览</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Firms</source>
            <translation>企业</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+12" />
            <source>Applications</source>
            <translation>融资申请</translation>
        </message>
        <message>
            <location line="-10" />
            <source>Approval rate</source>
            <translation>审批通过率</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Credit granted</source>
            <translation>授信金额</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Applications by state</source>
            <translation>各状态申请数量</translation>
        </message>
        <message>
            <location line="+39" />
            <source>registered in the local database</source>
            <translation>本地数据库中登记的企业</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 waiting for acceptance</source>
            <translation>%1 笔待受理</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 approved, %2 rejected</source>
            <translation>批准 %1 笔，拒绝 %2 笔</translation>
        </message>
        <message>
            <location line="+3" />
            <source>no decision yet</source>
            <translation>暂无审批结果</translation>
        </message>
        <message>
            <location line="+3" />
            <source>approved, disbursed and settled applications</source>
            <translation>已批准、已放款和已结清的申请</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::ParkIndexPage</name>
        <message>
            <location filename="../ui/park/parkindexpage.cpp" line="+50" />
            <source>All parks</source>
            <translation>全部园区</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Park:</source>
            <translation>园区：</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Park credit index (0–100)</source>
            <translation>园区信用指数（0–100）</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Average firm score (S)</source>
            <translation>企业平均评分（S）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Financing access (A)</source>
            <translation>融资可得性（A）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Risk incidence (R)</source>
            <translation>风险发生率（R）</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Firms</source>
            <translation>企业</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Firms by commercial-value grade</source>
            <translation>按商业价值等级统计的企业数</translation>
        </message>
        <message>
            <location line="+86" />
            <source>Credit index of all parks</source>
            <translation>全部园区的信用指数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit index of %1</source>
            <translation>%1 信用指数</translation>
        </message>
        <message numerus="yes">
            <location line="+19" />
            <source>%n firm(s) scored with %1 (version %2) as of %3; model %4 (version %5).</source>
            <translation>
                <numerusform>已用 %1（第 %2 版）对 %n 家企业评分，数据截至 %3；指数模型 %4（第 %5 版）。</numerusform>
            </translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 points</source>
            <translation>%1 分</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 points: share of firms with an approved loan</source>
            <translation>%1 分：获批贷款企业的占比</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 points: share of firms with a penalty in 3 years or a dishonest-debtor listing</source>
            <translation>%1 分：近 3 年受过行政处罚或被列为失信被执行人的企业占比</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The park credit index cannot be computed: %1</source>
            <translation>无法计算园区信用指数：%1</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::PolicyFirmModel</name>
        <message>
            <location filename="../ui/window/policyfirmmodel.cpp" line="+51" />
            <source>The estimated benefit is limited by the policy's cap.</source>
            <translation>预计受益金额已受该政策的上限限制。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Eligible</source>
            <translation>符合条件</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Firm</source>
            <translation>企业</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Unified social credit code</source>
            <translation>统一社会信用代码</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Estimated benefit</source>
            <translation>预计受益金额</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::PolicyFirmsPage</name>
        <message>
            <location filename="../ui/window/policyfirmspage.cpp" line="+51" />
            <source>Policy:</source>
            <translation>政策：</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Firms missing one condition</source>
            <translation>仅差一项条件的企业</translation>
        </message>
        <message>
            <location line="+7" />
            <source>What-if: change a threshold</source>
            <translation>假设分析：调整阈值</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Count firms</source>
            <translation>统计企业数</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Condition:</source>
            <translation>条件：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>New value:</source>
            <translation>新值：</translation>
        </message>
        <message>
            <location line="+91" />
            <source>%1 %2 (window not open)</source>
            <translation>%1 %2（申报窗口未开放）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 %2 (open until %3)</source>
            <translation>%1 %2（申报截止 %3）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 %2 (open, no deadline)</source>
            <translation>%1 %2（申报中，无截止日期）</translation>
        </message>
        <message>
            <location line="+27" />
            <source>No policy is available to search firms for.</source>
            <translation>没有可用于查找企业的政策。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The rules of policy %1 do not compile, so no firm can be matched: %2</source>
            <translation>政策 %1 的规则无法编译，因此无法匹配任何企业：%2</translation>
        </message>
        <message numerus="yes">
            <location line="+6" />
            <source>%n of %1 firm(s) are eligible for this policy.</source>
            <translation>
                <numerusform>%1 家企业中有 %n 家符合该政策的条件。</numerusform>
            </translation>
        </message>
        <message>
            <location line="+18" />
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
        <message>
            <location line="+5" />
            <source>No firm of the park misses this policy by exactly one condition.</source>
            <translation>园区内没有恰好仅差一项条件即符合该政策的企业。</translation>
        </message>
        <message>
            <location line="+20" />
            <source>This policy has no numeric threshold to change.</source>
            <translation>该政策没有可调整的数值阈值。</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Eligible now: %1 of %2 firms. With “%3”: %4 firms (%5 more, %6 fewer).</source>
            <translation>当前符合条件：%1 / %2 家企业。若采用“%3”：%4 家企业（新增 %5 家，减少 %6 家）。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Newly eligible: %1</source>
            <translation>新符合条件：%1</translation>
        </message>
        <message>
            <location line="+0" />
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <location line="+1" />
            <source> …</source>
            <translation> …</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Choose a policy before exporting its eligible firms.</source>
            <translation>导出符合条件的企业之前，请先选择一项政策。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The CSV file %1 could not be written: %2</source>
            <translation>无法写入 CSV 文件 %1：%2</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Export eligible firms</source>
            <translation>导出符合条件的企业</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Export CSV</source>
            <translation>导出 CSV</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::PolicyMatchModel</name>
        <message>
            <location filename="../ui/window/policymatchmodel.cpp" line="+26" />
            <source>Eligible</source>
            <translation>符合条件</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Near miss</source>
            <translation>差一项</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Out of scope</source>
            <translation>不在适用地区</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Ineligible</source>
            <translation>不符合</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Broken rule</source>
            <translation>规则有误</translation>
        </message>
        <message>
            <location line="+61" />
            <source>Open-ended</source>
            <translation>长期有效</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Closed</source>
            <translation>已截止</translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>Opens in %n working day(s)</source>
            <translation>
                <numerusform>%n 个工作日后开始申报</numerusform>
            </translation>
        </message>
        <message>
            <location line="+3" />
            <source>No deadline</source>
            <translation>无截止日期</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n working day(s)</source>
            <translation>
                <numerusform>%n 个工作日</numerusform>
            </translation>
        </message>
        <message>
            <location line="+15" />
            <source>Code</source>
            <translation>编号</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Policy</source>
            <translation>政策</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Status</source>
            <translation>匹配结果</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Estimated benefit</source>
            <translation>预计受益</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Window ends</source>
            <translation>申报截止</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Working days left</source>
            <translation>剩余工作日</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::PolicyMatchPage</name>
        <message>
            <location filename="../ui/window/policymatchpage.cpp" line="+37" />
            <source>Choose a firm in the search results to match it against the policies.</source>
            <translation>请在搜索结果中选择企业，与惠企政策进行匹配。</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Select a policy to see why it matches or not, and the materials to prepare.</source>
            <translation>选择一项政策，查看匹配或不匹配的原因以及需准备的材料。</translation>
        </message>
        <message>
            <location line="+54" />
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 policies assessed on %2: %3 eligible, %4 near misses.</source>
            <translation>%2 共评估 %1 项政策：符合条件 %3 项，差一项 %4 项。</translation>
        </message>
        <message>
            <location line="+34" />
            <source>%1 %2 — %3</source>
            <translation>%1 %2 — %3</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Issued by: %1</source>
            <translation>发布机关：%1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Conditions:</source>
            <translation>条件：</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No conditions: every firm is eligible.</source>
            <translation>无条件限制：所有企业均符合。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Required materials:</source>
            <translation>申报材料：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>None listed.</source>
            <translation>未列明。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Rule version: %1</source>
            <translation>规则版本：%1</translation>
        </message>
        <message numerus="yes">
            <location line="-131" />
            <source>Closing soon (within %n working day(s))</source>
            <translation>
                <numerusform>即将截止（%n 个工作日内）</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+94" />
            <source>%1 %2 — closes on %3, %n working day(s) left</source>
            <translation>
                <numerusform>%1 %2 — %3 截止，剩余 %n 个工作日</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::ProductMatchModel</name>
        <message>
            <location filename="../ui/window/productmatchmodel.cpp" line="+63" />
            <source>Not eligible</source>
            <translation>不符合</translation>
        </message>
        <message numerus="yes">
            <location line="+10" />
            <source>%n working day(s)</source>
            <translation>
                <numerusform>%n 个工作日</numerusform>
            </translation>
        </message>
        <message>
            <location line="+13" />
            <source>Rank</source>
            <translation>排名</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Product</source>
            <translation>产品</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Institution</source>
            <translation>金融机构</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Score</source>
            <translation>综合得分</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Annual cost</source>
            <translation>年化综合成本</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Days to decision</source>
            <translation>审批时效</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::ProductMatchPage</name>
        <message>
            <location filename="../ui/window/productmatchpage.cpp" line="+41" />
            <source>Choose a firm in the search results, then describe its financing need.</source>
            <translation>请在搜索结果中选择企业，再填写融资需求。</translation>
        </message>
        <message>
            <location line="+10" />
            <source> 10k yuan</source>
            <translation> 万元</translation>
        </message>
        <message>
            <location line="+5" />
            <source> months</source>
            <translation> 个月</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Any</source>
            <translation>不限</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unsecured (credit)</source>
            <translation>信用</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mortgage</source>
            <translation>抵押</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pledge</source>
            <translation>质押</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Guarantee</source>
            <translation>保证</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Match products</source>
            <translation>匹配产品</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Term</source>
            <translation>期限</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Purpose</source>
            <translation>用途</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Collateral</source>
            <translation>担保方式</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Select a product to see how its score is made up, or why the firm does not qualify.</source>
            <translation>选择一款产品，查看综合得分的构成，或企业不符合的原因。</translation>
        </message>
        <message>
            <location line="+73" />
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%1 of %2 products are open to this need of %3 over %n month(s).</source>
            <translation>
                <numerusform>%2 款产品中有 %1 款适合 %3、%n 个月的融资需求。</numerusform>
            </translation>
        </message>
        <message>
            <location line="+23" />
            <source>Annual interest %1, fees %2, interest subsidy %3: annual cost %4.</source>
            <translation>年利息 %1，费用 %2，贴息 %3：年化综合成本 %4。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The subsidy comes from the policy %1.</source>
            <translation>贴息来自政策 %1。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Matching zones: %1</source>
            <translation>匹配专区：%1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is not open to this firm and need. Failing conditions:</source>
            <translation>%1 不适合该企业和该需求。未满足的条件：</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Documents the institution asks for:</source>
            <translation>机构要求的材料：</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::RecordTableModel</name>
        <message>
            <location filename="../ui/common/recordtablemodel.cpp" line="+77" />
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Title</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Authority</source>
            <translation>机关/单位</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Valid to</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Detail</source>
            <translation>详情</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::ReferenceTableModel</name>
        <message>
            <location filename="../ui/admin/referencetablemodel.cpp" line="+47" />
            <source>Login</source>
            <translation>登录名</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+3" />
            <location line="+3" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="-6" />
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Scope</source>
            <translation>范围</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+3" />
            <location line="+4" />
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <location line="-7" />
            <location line="+7" />
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="-7" />
            <location line="+8" />
            <source>Region</source>
            <translation>地区</translation>
        </message>
        <message>
            <location line="-5" />
            <source>Institution</source>
            <translation>机构</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Collateral</source>
            <translation>担保方式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Term (months)</source>
            <translation>期限（月）</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Annual rate</source>
            <translation>年利率</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+5" />
            <source>Rule</source>
            <translation>规则</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Title</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Authority</source>
            <translation>机关/单位</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Application window</source>
            <translation>申报期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Benefit cap</source>
            <translation>补助上限</translation>
        </message>
        <message>
            <location line="+20" />
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Disabled</source>
            <translation>已停用</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Active</source>
            <translation>正常</translation>
        </message>
        <message>
            <location line="+11" />
            <location line="+13" />
            <source>eligibility rule</source>
            <translation>准入规则</translation>
        </message>
        <message>
            <location line="-7" />
            <source>OK</source>
            <translation>正常</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+13" />
            <source>Rule invalid</source>
            <translation>规则无效</translation>
        </message>
        <message>
            <location line="-6" />
            <source>benefit rule</source>
            <translation>优惠规则</translation>
        </message>
        <message>
            <location line="+6" />
            <source>v%1</source>
            <translation>v%1</translation>
        </message>
        <message>
            <location line="+34" />
            <source>This rule does not compile, so matching reports the item as broken instead of passing or failing every firm. %1</source>
            <translation>该规则无法编译，因此匹配时会将该项报告为损坏，而不是对所有企业一律判为通过或不通过。%1</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::ReferenceTablePage</name>
        <message>
            <location filename="../ui/admin/referencetablepage.cpp" line="+20" />
            <source>User accounts</source>
            <translation>用户账号</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Financial institutions</source>
            <translation>金融机构</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Financing products</source>
            <translation>金融产品</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Support policies</source>
            <translation>惠企政策</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Read-only: reference data is maintained on the central server.</source>
            <translation>只读：参考数据由中心服务器维护。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::RejectionTableModel</name>
        <message>
            <location filename="../ui/common/rejectiontablemodel.cpp" line="+87" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Record</source>
            <translation>记录</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The server's reason</source>
            <translation>服务器给出的原因</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Rejected at</source>
            <translation>拒绝时间</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::ReportVerifyDialog</name>
        <message>
            <location filename="../ui/common/reportverifydialog.cpp" line="+37" />
            <source>Verify a credit report</source>
            <translation>验证信用报告</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Open a report PDF to check its signature, or type the verification code printed at the foot of its pages.</source>
            <translation>打开报告 PDF 以检查其签名，或输入报告每页页脚印有的验证码。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Open PDF…</source>
            <translation>打开 PDF…</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Check code</source>
            <translation>核对验证码</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Verification code:</source>
            <translation>验证码：</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Open a credit report</source>
            <translation>打开信用报告</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <location line="+15" />
            <source>the file %1 cannot be read (%2)</source>
            <translation>无法读取文件 %1（%2）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the file %1 is %2 MB, too large to be a report of this suite</source>
            <translation>文件 %1 大小为 %2 MB，过大，不可能是本套件生成的报告</translation>
        </message>
        <message>
            <location line="+30" />
            <source>The verification code "%1" is not of the form XDR-yyyyMMdd-xxxxxxxx followed by a hyphen and 16 hexadecimal digits; check it against the foot of the printed page.</source>
            <translation>验证码“%1”的格式不是 XDR-yyyyMMdd-xxxxxxxx 加连字符和 16 位十六进制数字；请对照打印页面的页脚核对。</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Not found in this installation's records: no report numbered %1 was issued here.</source>
            <translation>本系统记录中未找到：本系统未签发编号为 %1 的报告。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The report number %1 is in this installation's records (issued on %2), but its content hash or file differs from the one issued: this is not that report.</source>
            <translation>报告编号 %1 在本系统的记录中（签发于 %2），但其内容哈希或文件与签发时不一致：这不是该报告。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Issued by this installation on %1 for %2 (purpose: %3), with data as of %4.</source>
            <translation>由本系统于 %1 为 %2 签发（用途：%3），数据截至 %4。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Valid: the signature of report %1 covers every byte of the file and was made with this suite's report-signing key.</source>
            <translation>有效：报告 %1 的签名覆盖文件的每一个字节，且由本套件的报告签名密钥生成。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Tampered: %1.</source>
            <translation>已被篡改：%1。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::ReportViewer</name>
        <message>
            <location filename="../ui/common/reportviewer.cpp" line="+69" />
            <source>Credit report %1 — %2</source>
            <translation>信用报告 %1 — %2</translation>
        </message>
        <message>
            <location line="+51" />
            <source>Compare with previous report</source>
            <translation>与上一份报告比较</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save PDF…</source>
            <translation>保存 PDF…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location line="+15" />
            <source>The report %1 cannot be displayed: its PDF could not be read.</source>
            <translation>无法显示报告 %1：无法读取其 PDF。</translation>
        </message>
        <message numerus="yes">
            <location line="+11" />
            <source>Report %1 · verification code %2 · %n page(s)</source>
            <translation>
                <numerusform>报告 %1 · 验证码 %2 · 共 %n 页</numerusform>
            </translation>
        </message>
        <message>
            <location line="+60" />
            <source>Cover</source>
            <translation>封面</translation>
        </message>
        <message>
            <location line="+89" />
            <source>Print the credit report %1</source>
            <translation>打印信用报告 %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The report %1 could not be printed: the printer did not accept the pages.</source>
            <translation>无法打印报告 %1：打印机未接受这些页面。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The report %1 could not be saved to %2: %3</source>
            <translation>无法将报告 %1 保存到 %2：%3</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Save the credit report</source>
            <translation>保存信用报告</translation>
        </message>
        <message>
            <location line="+2" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The signed report %1 was saved to %2.</source>
            <translation>已签名的报告 %1 已保存到 %2。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::RuleEditorPage</name>
        <message>
            <location filename="../ui/admin/ruleeditorpage.cpp" line="+69" />
            <source>The fact “%1” at %2 is not one of the firm facts; it is always empty.</source>
            <translation>位于 %2 的事实“%1”不是企业事实之一，其值始终为空。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The division at %1 divides by the fact “%2”, which may be zero.</source>
            <translation>位于 %1 的除法以事实“%2”为除数，该值可能为零。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The comparison at %1 compares the text “%2” with the numeric fact “%3”; write the number without quotes.</source>
            <translation>位于 %1 的比较将文本“%2”与数值事实“%3”相比较；请去掉数字两边的引号。</translation>
        </message>
        <message>
            <location line="+60" />
            <source>The rule is not valid JSON at character %1: %2.</source>
            <translation>规则在第 %1 个字符处不是有效的 JSON：%2。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The rule must be one JSON value, not a list separated by commas.</source>
            <translation>规则必须是单个 JSON 值，而不是以逗号分隔的多个值。</translation>
        </message>
        <message>
            <location line="+40" />
            <source>Save rule</source>
            <translation>保存规则</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Policy or product:</source>
            <translation>政策或产品：</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Eligibility rule (JsonLogic):</source>
            <translation>准入规则（JsonLogic）：</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Test against a firm:</source>
            <translation>用企业测试：</translation>
        </message>
        <message>
            <location line="+40" />
            <source>The rule does not compile: %1.</source>
            <translation>规则无法编译：%1。</translation>
        </message>
        <message>
            <location line="+25" />
            <source>%1 — rule invalid</source>
            <translation>%1 — 规则无效</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Policies</source>
            <translation>惠企政策</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Products</source>
            <translation>金融产品</translation>
        </message>
        <message>
            <location line="+52" />
            <source>Rule invalid: the stored rule does not compile (%1). Matching shows this item as broken instead of passing or failing every firm.</source>
            <translation>规则无效：已保存的规则无法编译（%1）。匹配时该项显示为“规则有误”，不会让所有企业都符合或都不符合。</translation>
        </message>
        <message>
            <location line="+29" />
            <source>The rule does not compile; correct it before testing it against a firm.</source>
            <translation>规则无法编译；请先修正规则，再用企业测试。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The firm could not be loaded: %1</source>
            <translation>无法加载该企业：%1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>%1 meets this rule.</source>
            <translation>%1 符合此规则。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 does not meet this rule.</source>
            <translation>%1 不符合此规则。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The rule does not compile and was not saved.</source>
            <translation>规则无法编译，未保存。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The policy no longer exists in the store; the rule was not saved.</source>
            <translation>数据库中已没有该政策；规则未保存。</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+14" />
            <source>The rule was not saved: %1</source>
            <translation>规则未保存：%1</translation>
        </message>
        <message>
            <location line="-11" />
            <source>The rule of the policy %1 was saved (rule version %2).</source>
            <translation>政策 %1 的规则已保存（规则版本 %2）。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The product no longer exists in the store; the rule was not saved.</source>
            <translation>数据库中已没有该产品；规则未保存。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The rule of the product %1 was saved.</source>
            <translation>产品 %1 的规则已保存。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::ScoreFactorModel</name>
        <message>
            <location filename="../ui/common/scorefactormodel.cpp" line="+44" />
            <source>no data (weight %1 %)</source>
            <translation>无数据（权重 %1%）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 of 1 (weight %2 %)</source>
            <translation>%1 / 1（权重 %2%）</translation>
        </message>
        <message>
            <location line="+65" />
            <source>Factor</source>
            <translation>因素</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Value or band</source>
            <translation>取值或区间</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Points</source>
            <translation>得分</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::SeriesTableModel</name>
        <message>
            <location filename="../ui/common/seriestablemodel.cpp" line="+87" />
            <source>Month</source>
            <translation>月份</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1
(%2)</source>
            <translation>%1
（%2）</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::StatusBarWidget</name>
        <message>
            <location filename="../ui/shell/statusbarwidget.cpp" line="+19" />
            <source>Offline · local data</source>
            <translation>离线 · 本地数据</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Database: %1</source>
            <translation>数据库：%1</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Last change: %1</source>
            <translation>最近更新：%1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last change: unknown</source>
            <translation>最近更新：未知</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::SyncRecordLabels</name>
        <message>
            <location filename="../ui/common/syncrecordlabels.cpp" line="+78" />
            <location line="+45" />
            <source>Park</source>
            <translation>园区</translation>
        </message>
        <message>
            <location line="-44" />
            <location line="+53" />
            <source>Institution</source>
            <translation>机构</translation>
        </message>
        <message>
            <location line="-52" />
            <source>Financing product</source>
            <translation>融资产品</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Policy</source>
            <translation>政策</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reference document</source>
            <translation>参考文件</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+47" />
            <source>Firm</source>
            <translation>企业</translation>
        </message>
        <message>
            <location line="-46" />
            <source>Monthly value</source>
            <translation>月度数值</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit record</source>
            <translation>信用记录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>User</source>
            <translation>用户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Authorization</source>
            <translation>授权书</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Application</source>
            <translation>申请</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Document</source>
            <translation>材料</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Registered name</source>
            <translation>注册名称</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Entity type</source>
            <translation>主体类型</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Requested amount</source>
            <translation>申请金额</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Purpose of the loan</source>
            <translation>贷款用途</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Series</source>
            <translation>数据系列</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Record type</source>
            <translation>记录类型</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Unified social credit code</source>
            <translation>统一社会信用代码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Legal representative</source>
            <translation>法定代表人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ID number of the legal representative</source>
            <translation>法定代表人身份证号码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Established</source>
            <translation>成立日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Registered capital</source>
            <translation>注册资本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Industry</source>
            <translation>行业</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Region</source>
            <translation>地区</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Employees</source>
            <translation>员工人数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Annual revenue</source>
            <translation>年营业收入</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Total assets</source>
            <translation>资产总额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Application number</source>
            <translation>申请编号</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Product</source>
            <translation>产品</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Term (months)</source>
            <translation>期限（月）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purpose</source>
            <translation>用途</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Collateral</source>
            <translation>担保物</translation>
        </message>
        <message>
            <location line="+1" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Created at</source>
            <translation>创建时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Submitted at</source>
            <translation>提交时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Accepted at</source>
            <translation>受理时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Decided at</source>
            <translation>决定时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Disbursed at</source>
            <translation>放款时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Settled at</source>
            <translation>结清时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Approved amount</source>
            <translation>批准金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Approved rate</source>
            <translation>批准利率</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Approved term (months)</source>
            <translation>批准期限（月）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason for rejection</source>
            <translation>拒绝原因</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Created by</source>
            <translation>创建人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Month</source>
            <translation>月份</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Value</source>
            <translation>数值</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Valid from</source>
            <translation>生效日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Valid until</source>
            <translation>失效日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Authority</source>
            <translation>发布机关</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Institutions</source>
            <translation>机构</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Revoked</source>
            <translation>已撤销</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Revoked at</source>
            <translation>撤销时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Document type</source>
            <translation>材料类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>File name</source>
            <translation>文件名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Display name</source>
            <translation>显示名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Disabled</source>
            <translation>已停用</translation>
        </message>
        <message>
            <location line="+9" />
            <source>(removed)</source>
            <translation>（已删除）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location line="+0" />
            <source>No</source>
            <translation>否</translation>
        </message>
        <message>
            <location line="+98" />
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::SyncStatusWidget</name>
        <message>
            <location filename="../ui/shell/syncstatuswidget.cpp" line="+32" />
            <location line="+98" />
            <source>Sync now</source>
            <translation>立即同步</translation>
        </message>
        <message>
            <location line="-91" />
            <source>Show the Conflicts page.</source>
            <translation>显示“冲突”页面。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Send the local changes and fetch the server's changes now.</source>
            <translation>立即发送本地更改并获取服务器上的更改。</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Local data only</source>
            <translation>仅本地数据</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Offline · working on local data</source>
            <translation>离线 · 正在使用本地数据</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Signed out · please sign in again to synchronise</source>
            <translation>已退出登录 · 请重新登录以同步</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Synchronising…</source>
            <translation>正在同步…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Up to date</source>
            <translation>已是最新</translation>
        </message>
        <message numerus="yes">
            <location line="+44" />
            <source>%n local change(s) waiting to be sent</source>
            <translation>
                <numerusform>%n 项本地更改等待发送</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>%n conflict(s)</source>
            <translation>
                <numerusform>%n 个冲突</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n rejected change(s)</source>
            <translation>
                <numerusform>%n 项被拒绝的更改</numerusform>
            </translation>
        </message>
        <message>
            <location line="+6" />
            <source>Sign in again…</source>
            <translation>重新登录…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Last successful synchronisation: %1.</source>
            <translation>上次成功同步：%1。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not synchronised with the server yet.</source>
            <translation>尚未与服务器同步。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Received %1 of %2 rows.</source>
            <translation>已接收 %1 / %2 行。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Last error: %1</source>
            <translation>上次错误：%1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Next attempt at %1.</source>
            <translation>下次尝试时间：%1。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::WalkInAttachment</name>
        <message>
            <location filename="../ui/window/walkinattachment.cpp" line="+47" />
            <source>The file “%1” cannot be attached: it does not exist.</source>
            <translation>无法附加文件“%1”：文件不存在。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The file “%1” cannot be attached: only PDF, JPEG and PNG scans are accepted.</source>
            <translation>无法附加文件“%1”：只接受 PDF、JPEG 和 PNG 扫描件。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The file “%1” cannot be attached: it is %2, larger than the limit of 20 MB.</source>
            <translation>无法附加文件“%1”：文件大小为 %2，超过 20 MB 的上限。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The file “%1” cannot be attached: it is empty.</source>
            <translation>无法附加文件“%1”：文件为空。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The file “%1” cannot be attached: it cannot be read (%2).</source>
            <translation>无法附加文件“%1”：无法读取（%2）。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The file “%1” cannot be attached: its content is not a %2 file although its name says so.</source>
            <translation>无法附加文件“%1”：文件名表明是 %2 文件，但其内容并不是。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The file “%1” cannot be attached: reading it failed (%2).</source>
            <translation>无法附加文件“%1”：读取失败（%2）。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>%1 MB</source>
            <translation>%1 MB</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 KB</source>
            <translation>%1 KB</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n byte(s)</source>
            <translation>
                <numerusform>%n 字节</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::WalkInAuthorizationPage</name>
        <message>
            <location filename="../ui/window/walkinauthorizationpage.cpp" line="+31" />
            <source>New authorization</source>
            <translation>新建授权书</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Attach the signed scan…</source>
            <translation>附加签字扫描件…</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+124" />
            <source>No scan attached yet.</source>
            <translation>尚未附加扫描件。</translation>
        </message>
        <message>
            <location line="-120" />
            <source>2. Credit inquiry authorization</source>
            <translation>2. 征信查询授权</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Without a valid authorization no credit data of the firm is shown and no application can be submitted.</source>
            <translation>没有有效授权时，不显示该企业的任何信用数据，也不能提交申请。</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Institutions covered:</source>
            <translation>授权机构：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purpose:</source>
            <translation>用途：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Valid from:</source>
            <translation>生效日期：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Valid to (inclusive):</source>
            <translation>有效期至（含当日）：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Signed scan:</source>
            <translation>签字扫描件：</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Authorization:</source>
            <translation>授权书：</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Signed authorization scan</source>
            <translation>已签字授权书扫描件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scans (*.pdf *.jpg *.jpeg *.png)</source>
            <translation>扫描件 (*.pdf *.jpg *.jpeg *.png)</translation>
        </message>
        <message>
            <location line="+52" />
            <source>%1 (%2), SHA-256 %3</source>
            <translation>%1（%2），SHA-256 %3</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Record a new authorization</source>
            <translation>录入新授权书</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Reuse the authorization for %1 covering %2, valid %3 to %4</source>
            <translation>沿用给 %1 的授权书，涵盖 %2，有效期 %3 至 %4</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The firm has no authorization with it today</source>
            <translation>该企业今天没有对该机构的有效授权</translation>
        </message>
        <message>
            <location line="+22" />
            <source>The chosen authorization no longer exists; choose another one.</source>
            <translation>所选授权书已不存在；请另选一份。</translation>
        </message>
        <message>
            <location line="+22" />
            <source>The authorization covers no institution: tick the institutions named on it.</source>
            <translation>授权书未涵盖任何机构：请勾选授权书上列明的机构。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The purpose of the authorization is missing: type the purpose written on it.</source>
            <translation>缺少授权用途：请输入授权书上写明的用途。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The authorization ends (%1) before it starts (%2): check both dates.</source>
            <translation>授权书的截止日期（%1）早于起始日期（%2）：请检查这两个日期。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The authorization expired on %1: the firm must sign a new one.</source>
            <translation>授权书已于 %1 过期：企业须重新签署。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The signed scan is missing: attach the scan of the signed authorization.</source>
            <translation>缺少签字扫描件：请附加已签字授权书的扫描件。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The authorization could not be saved: %1</source>
            <translation>无法保存授权书：%1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The scan of the authorization could not be recorded: %1</source>
            <translation>无法记录授权书扫描件：%1</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::WalkInDocumentsPage</name>
        <message>
            <location filename="../ui/window/walkindocumentspage.cpp" line="+28" />
            <source>4. Documents</source>
            <translation>4. 材料</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose the product applied for; attach each document it requires or mark it to be brought next visit.</source>
            <translation>选择所申请的产品；附上其要求的每份材料，或标记为下次来访时携带。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 · %2 (%3)</source>
            <translation>%1 · %2（%3）</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Document</source>
            <translation>材料</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+0" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Bring next visit</source>
            <translation>下次来访时携带</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Product applied for:</source>
            <translation>申请的产品：</translation>
        </message>
        <message>
            <location line="+75" />
            <source>%1 to %2, %3 to %4 months, collateral %5.</source>
            <translation>%1 至 %2，%3 至 %4 个月，担保方式：%5。</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Attach…</source>
            <translation>附加…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Attach %1</source>
            <translation>附加 %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Scans (*.pdf *.jpg *.jpeg *.png)</source>
            <translation>扫描件 (*.pdf *.jpg *.jpeg *.png)</translation>
        </message>
        <message>
            <location line="+22" />
            <source>On file: %1</source>
            <translation>已存档：%1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Attached: %1 (%2)</source>
            <translation>已附加：%1（%2）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>To bring next visit</source>
            <translation>下次来访时携带</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Missing: attach it or mark it to bring next visit</source>
            <translation>缺少：请附上文件或标记为下次来访时携带</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Every required document is on file, attached or to be brought.</source>
            <translation>所有必需材料均已存档、已附加或将携带。</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n document(s) still need a file or a mark.</source>
            <translation>
                <numerusform>还有 %n 份材料需要附上文件或进行标记。</numerusform>
            </translation>
        </message>
        <message>
            <location line="+7" />
            <source>The document “%1” is not required by the chosen product.</source>
            <translation>所选产品不要求材料“%1”。</translation>
        </message>
        <message>
            <location line="+47" />
            <source>Some required documents are neither attached nor marked to bring next visit.</source>
            <translation>部分必需材料既未附上，也未标记为下次来访时携带。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::WalkInFirmPage</name>
        <message>
            <location filename="../ui/window/walkinfirmpage.cpp" line="+34" />
            <source>Open this firm</source>
            <translation>打开该企业</translation>
        </message>
        <message>
            <location line="+13" />
            <source>1. The firm</source>
            <translation>1. 企业</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Find the firm by its unified social credit code or name, or register it.</source>
            <translation>按统一社会信用代码或名称查找企业，或登记新企业。</translation>
        </message>
        <message>
            <location line="+16" />
            <source>18 characters, e.g. 91430100MA4L16JQ9B</source>
            <translation>18 位，例如 91430100MA4L16JQ9B</translation>
        </message>
        <message>
            <location line="+14" />
            <source>in 万元, e.g. 500</source>
            <translation>单位：万元，例如 500</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Unified social credit code:</source>
            <translation>统一社会信用代码：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Registered name:</source>
            <translation>登记名称：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Legal representative:</source>
            <translation>法定代表人：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Legal representative's ID number:</source>
            <translation>法定代表人身份证号码：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Established on:</source>
            <translation>成立日期：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Registered capital (万元):</source>
            <translation>注册资本（万元）：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Industry:</source>
            <translation>行业：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Region:</source>
            <translation>地区：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Employees:</source>
            <translation>从业人数：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Park:</source>
            <translation>园区：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>outside any park</source>
            <translation>不属于任何园区</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Find a registered firm</source>
            <translation>查找已登记企业</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Register a new firm</source>
            <translation>登记新企业</translation>
        </message>
        <message>
            <location line="+53" />
            <source>Chosen: %1 · %2 · legal representative %3 (ID %4)</source>
            <translation>已选择：%1 · %2 · 法定代表人 %3（身份证号 %4）</translation>
        </message>
        <message>
            <location line="+14" />
            <source>The unified social credit code is missing.</source>
            <translation>缺少统一社会信用代码。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>A firm with the unified social credit code %1 is already registered: %2. Open it instead of registering it again.</source>
            <translation>统一社会信用代码为 %1 的企业已登记：%2。请直接打开该企业，不要重复登记。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Valid: %1</source>
            <translation>有效：%1</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Valid; recorded and shown as %1.</source>
            <translation>有效；将记录并显示为 %1。</translation>
        </message>
        <message>
            <location line="+26" />
            <source>No firm is chosen: search for the firm and click it, or register it.</source>
            <translation>未选择企业：请搜索企业并点击选中，或登记新企业。</translation>
        </message>
        <message>
            <location line="+21" />
            <source>The registered name is missing: type the name on the business licence.</source>
            <translation>缺少登记名称：请输入营业执照上的名称。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The legal representative is missing: type the name on the business licence.</source>
            <translation>缺少法定代表人：请输入营业执照上的姓名。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The legal representative's ID number is missing.</source>
            <translation>缺少法定代表人身份证号码。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The legal representative's ID number is refused: %1</source>
            <translation>法定代表人身份证号码不被接受：%1</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The established date %1 is in the future: type the date on the business licence.</source>
            <translation>成立日期 %1 晚于今天：请输入营业执照上的日期。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The registered capital cannot be negative.</source>
            <translation>注册资本不能为负数。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The registered capital is refused: %1</source>
            <translation>注册资本不被接受：%1</translation>
        </message>
        <message>
            <location line="+28" />
            <source>The firm could not be registered: %1</source>
            <translation>无法登记该企业：%1</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::WalkInMatchingPage</name>
        <message>
            <location filename="../ui/window/walkinmatchingpage.cpp" line="+26" />
            <source>6. Matching and submission</source>
            <translation>6. 匹配与提交</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose the products to apply for; one application is submitted per product.</source>
            <translation>选择要申请的产品；每个产品提交一份申请。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Submit</source>
            <translation>提交</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Apply</source>
            <translation>申请</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Rank</source>
            <translation>排名</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Institution</source>
            <translation>机构</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Product</source>
            <translation>产品</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Score</source>
            <translation>评分</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Annual cost</source>
            <translation>年化成本</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Explanation</source>
            <translation>说明</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Policies the firm is eligible for (for information):</source>
            <translation>企业符合条件的政策（仅供参考）：</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Matching scores are credit data and are shown only under a valid authorization of the firm: %1</source>
            <translation>匹配评分属于信用数据，仅在企业授权有效时显示：%1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The firm has no authorization.</source>
            <translation>该企业没有授权。</translation>
        </message>
        <message>
            <location line="+53" />
            <source>Not shown and cannot be chosen: %1</source>
            <translation>不显示且不可选择：%1</translation>
        </message>
        <message>
            <location line="+12" />
            <source>%1 (%2): estimated benefit %3</source>
            <translation>%1（%2）：预计收益 %3</translation>
        </message>
        <message>
            <location line="+60" />
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Nothing was submitted; the pre-review blocks these applications:
%1</source>
            <translation>未提交任何申请；预审阻止了以下申请：
%1</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::WalkInNeedPage</name>
        <message>
            <location filename="../ui/window/walkinneedpage.cpp" line="+24" />
            <source>3. Financing need</source>
            <translation>3. 融资需求</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How much the firm needs, for how long, what for, and what it can offer as security.</source>
            <translation>企业需要多少资金、期限多长、用于什么，以及能提供什么担保。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>in 万元, e.g. 300</source>
            <translation>单位：万元，例如 300</translation>
        </message>
        <message>
            <location line="+4" />
            <source> months</source>
            <translation> 个月</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Not specified</source>
            <translation>未指定</translation>
        </message>
        <message>
            <location line="+1" />
            <source>unsecured</source>
            <translation>信用</translation>
        </message>
        <message>
            <location line="+1" />
            <source>mortgage</source>
            <translation>抵押</translation>
        </message>
        <message>
            <location line="+1" />
            <source>pledge</source>
            <translation>质押</translation>
        </message>
        <message>
            <location line="+1" />
            <source>guarantee</source>
            <translation>保证</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Amount (万元):</source>
            <translation>金额（万元）：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Term:</source>
            <translation>期限：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purpose:</source>
            <translation>用途：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Collateral offered:</source>
            <translation>可提供的担保：</translation>
        </message>
        <message>
            <location line="+17" />
            <source>The amount is refused: %1</source>
            <translation>金额不被接受：%1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The amount must be more than zero: type the amount the firm needs in 万元.</source>
            <translation>金额必须大于零：请输入企业所需金额（万元）。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The purpose is missing: choose or type what the money is for.</source>
            <translation>缺少用途：请选择或输入资金用途。</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::WalkInPage</name>
        <message>
            <location filename="../ui/window/walkinpage.cpp" line="+16" />
            <source>Receive a walk-in firm…</source>
            <translation>接待来访企业…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Register or find the firm, record its authorization, check its documents, pre-review and submit its applications, then hand over the receipt. Works without the network: everything is saved in the local store.</source>
            <translation>登记或查找企业，录入其授权书，核对材料，预审并提交申请，然后交付回执。无需网络即可使用：所有内容都保存在本地存储中。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Receipt of the last visit:</source>
            <translation>上次来访的回执：</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::WalkInPrereviewPage</name>
        <message>
            <location filename="../ui/window/walkinprereviewpage.cpp" line="+27" />
            <source>Blocks submission</source>
            <translation>阻止提交</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Note</source>
            <translation>提示</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Print the slip…</source>
            <translation>打印清单…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save the slip…</source>
            <translation>保存清单…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>5. Pre-review</source>
            <translation>5. 预审</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Completeness, validity, product limits and eligibility of the application.</source>
            <translation>申请的完整性、有效性、产品限额及准入条件。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Severity</source>
            <translation>严重程度</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Finding</source>
            <translation>问题</translation>
        </message>
        <message>
            <location line="+0" />
            <source>How to fix it</source>
            <translation>修改方法</translation>
        </message>
        <message>
            <location line="+12" />
            <source>“Bring these next visit” slip:</source>
            <translation>“下次来访请携带”清单：</translation>
        </message>
        <message>
            <location line="+12" />
            <location line="+5" />
            <source>Save the slip</source>
            <translation>保存清单</translation>
        </message>
        <message>
            <location line="-5" />
            <source>Text files (*.txt)</source>
            <translation>文本文件 (*.txt)</translation>
        </message>
        <message>
            <location line="+32" />
            <source>No product is chosen: go back to the documents step and choose one.</source>
            <translation>尚未选择产品：请返回材料步骤选择一个产品。</translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>Submission is blocked by %n finding(s). Fix them, or print the slip for the firm's next visit.</source>
            <translation>
                <numerusform>有 %n 个问题阻止提交。请修正这些问题，或打印清单供企业下次来访时使用。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>The application can be submitted (%n warning(s)).</source>
            <translation>
                <numerusform>该申请可以提交（%n 条警告）。</numerusform>
            </translation>
        </message>
        <message>
            <location line="+22" />
            <source>The slip cannot be saved to “%1”: %2</source>
            <translation>无法将清单保存到“%1”：%2</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::WalkInReceipt</name>
        <message>
            <location filename="../ui/window/walkinreceipt.cpp" line="+46" />
            <source>Receipt of financing applications</source>
            <translation>融资申请回执</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Firm: %1 (unified social credit code %2)</source>
            <translation>企业：%1（统一社会信用代码 %2）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Legal representative: %1, ID number %2</source>
            <translation>法定代表人：%1，身份证号码 %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Submitted on %1 at the service window of %2, received by %3.</source>
            <translation>于 %1 在%2服务窗口提交，受理人：%3。</translation>
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>Application %1: %2, %3, %4 for %n month(s).</source>
            <translation>
                <numerusform>申请 %1：%2，%3，%4，期限 %n 个月。</numerusform>
            </translation>
        </message>
        <message>
            <location line="+5" />
            <source>Acceptance is due by %1 (%2 working days after submission).</source>
            <translation>应于 %1 前受理（提交后 %2 个工作日）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The result is due by %1 if the application is accepted on %2; the result deadline is %3 working days after the actual acceptance day.</source>
            <translation>如申请于 %2 受理，应于 %1 前出具结果；结果期限为实际受理日后 %3 个工作日。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Working days follow the official holiday calendar; public holidays in this period: %1.</source>
            <translation>工作日按官方节假日安排计算；此期间的法定节假日：%1。</translation>
        </message>
        <message>
            <location line="+41" />
            <location line="+13" />
            <source>The receipt cannot be saved to “%1”: %2</source>
            <translation>无法将回执保存到“%1”：%2</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::WalkInReceiptPage</name>
        <message>
            <location filename="../ui/window/walkinreceiptpage.cpp" line="+18" />
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save as PDF…</source>
            <translation>另存为 PDF…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>7. Receipt</source>
            <translation>7. 回执</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The applications are submitted. Hand the receipt to the firm.</source>
            <translation>申请已提交。请将回执交给企业。</translation>
        </message>
        <message>
            <location line="+46" />
            <location line="+7" />
            <source>Save the receipt</source>
            <translation>保存回执</translation>
        </message>
        <message>
            <location line="-7" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
    </context>
    <context>
        <name>XinDai::Ui::WalkInWizard</name>
        <message>
            <location filename="../ui/window/walkinwizard.cpp" line="+30" />
            <source>Walk-in firm reception</source>
            <translation>企业现场接待</translation>
        </message>
        <message>
            <location line="+129" />
            <source>No product is chosen: choose at least one product to apply for.</source>
            <translation>未选择产品：请至少选择一个要申请的产品。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The applications of this visit have already been submitted.</source>
            <translation>本次来访的申请已经提交。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The document “%1” could not be saved: %2</source>
            <translation>无法保存材料“%1”：%2</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The product %1 no longer exists; choose another one.</source>
            <translation>产品 %1 已不存在；请选择其他产品。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The application to %1 could not be saved: %2</source>
            <translation>无法保存向 %1 提交的申请：%2</translation>
        </message>
    </context>
</TS>
