<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AiaDialog</name>
    <message>
        <location filename="../pages/paperwork/aia.py" line="79" />
        <source>Jane Doe, Chief Compliance Officer
John Roe, CEO</source>
        <translation>张三，首席合规官
李四，首席执行官</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/aia.py" line="83" />
        <source>The consignee attests that model weights are stored securely</source>
        <translation>收货人证明模型权重已安全存储</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/aia.py" line="114" />
        <source>What the consignee certifies:</source>
        <translation>收货人证明的内容：</translation>
    </message>
</context>
<context>
    <name>AiaStatementDialog</name>
    <message>
        <location filename="../pages/documents/aia_statement.py" line="50" />
        <source>Listing the consignees that can certify…</source>
        <translation>正在列出可出具证明的收货人…</translation>
    </message>
    <message>
        <location filename="../pages/documents/aia_statement.py" line="55" />
        <source>Choose the consignee: its items and ECCNs are filled in</source>
        <translation>选择收货人：其物项和 ECCN 将自动填入</translation>
    </message>
    <message>
        <location filename="../pages/documents/aia_statement.py" line="62" />
        <source>Jane Doe, Chief Compliance Officer
(leave empty for blank lines to fill in by hand)</source>
        <translation>张三，首席合规官
（留空则留出空行供手写填写）</translation>
    </message>
    <message>
        <location filename="../pages/documents/aia_statement.py" line="80" />
        <source>Add the model-weight storage attestation</source>
        <translation>添加模型权重存储证明</translation>
    </message>
    <message>
        <location filename="../pages/documents/aia_statement.py" line="84" />
        <source>The exporter's form by which the consignee attests storage under Supp. No. 10 to Part 748 ¶¶ 14, 15, 18; always added when the items include 4E091 model weights.</source>
        <translation>出口商用于让收货人证明按《第 748 部分补编第 10 号》第 14、15、18 段存储的表格；物项包含 4E091 模型权重时始终附上。</translation>
    </message>
    <message>
        <location filename="../pages/documents/aia_statement.py" line="90" />
        <source>What the consignee will certify:</source>
        <translation>收货人将证明的内容：</translation>
    </message>
    <message>
        <location filename="../pages/documents/aia_statement.py" line="130" />
        <source>Type a name or ref…</source>
        <translation>输入名称或编号…</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../pages/audit.py" line="160" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="205" />
        <source>Verify the record</source>
        <translation>验证记录</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="208" />
        <source>Walk the hash chain of the audit log and check every decision and ledger entry against it (EAR § 762.5(b)(4)). Ctrl+Shift+V</source>
        <translation>遍历审计日志的哈希链，并据此核对每项决定和台账条目（EAR § 762.5(b)(4)）。Ctrl+Shift+V</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="221" />
        <source>Verify checks that no entry, decision or ledger row was changed after it was written.</source>
        <translation>验证会检查任何条目、决定或台账行在写入后均未被更改。</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="237" />
        <source>record refs, actions and officers</source>
        <translation>记录编号、操作和合规官</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="247" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="256" />
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="263" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="277" />
        <source>Select an entry to see what it changed.</source>
        <translation>选择一个条目以查看其更改内容。</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="290" />
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="291" />
        <source>After</source>
        <translation>之后</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="352" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="447" />
        <source>Verifying the audit chain, decisions and ledgers…</source>
        <translation>正在验证审计链、决定和台账…</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../pages/documents/batch.py" line="54" />
        <source>Every AIA statement due</source>
        <translation>所有应出具的 AIA 声明</translation>
    </message>
    <message>
        <location filename="../pages/documents/batch.py" line="57" />
        <source>A statement for each Tier 1 consignee with open orders and no certification in force on the day</source>
        <translation>为当天有未结订单且没有有效认证的每个第 1 层级收货人出具一份声明</translation>
    </message>
    <message>
        <location filename="../pages/documents/batch.py" line="62" />
        <source>Every decision record of the day</source>
        <translation>当天的所有决定记录</translation>
    </message>
    <message>
        <location filename="../pages/documents/batch.py" line="73" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../pages/documents/batch.py" line="85" />
        <source>Each document is registered as it is generated. Stop ends the batch after the current document; the ones already made stay registered and saved.</source>
        <translation>每份文件在生成时即登记。“停止”会在当前文件完成后结束批处理；已生成的文件保持登记并已保存。</translation>
    </message>
    <message>
        <location filename="../pages/documents/batch.py" line="93" />
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../pages/documents/batch.py" line="113" />
        <source>Give the folder the PDF files go to.</source>
        <translation>请指定 PDF 文件保存的文件夹。</translation>
    </message>
</context>
<context>
    <name>ClassificationPanel</name>
    <message>
        <location filename="../pages/products/classification.py" line="24" />
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../pages/products/classification.py" line="65" />
        <location filename="../pages/products/classification.py" line="96" />
        <source>Cannot classify yet</source>
        <translation>暂时无法分类</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <location filename="../pages/screening/compare.py" line="185" />
        <location filename="../pages/screening/compare.py" line="234" />
        <source>Party</source>
        <translation>当事方</translation>
    </message>
    <message>
        <location filename="../pages/screening/compare.py" line="188" />
        <location filename="../pages/screening/compare.py" line="235" />
        <source>List entry</source>
        <translation>名单条目</translation>
    </message>
    <message>
        <location filename="../pages/screening/compare.py" line="213" />
        <source>Select a potential match to compare the party with the list entry.</source>
        <translation>选择一个潜在匹配，将当事方与名单条目进行比较。</translation>
    </message>
</context>
<context>
    <name>DocumentDetail</name>
    <message>
        <location filename="../pages/documents/detail.py" line="31" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../pages/documents/detail.py" line="32" />
        <source>Signed copy returned…</source>
        <translation>已返回签字副本…</translation>
    </message>
    <message>
        <location filename="../pages/documents/detail.py" line="34" />
        <source>Check standing</source>
        <translation>检查状况</translation>
    </message>
    <message>
        <location filename="../pages/documents/detail.py" line="36" />
        <source>Verify this document's code: what it stands for today</source>
        <translation>验证此文件的代码：它目前代表什么</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../pages/documents/page.py" line="78" />
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="146" />
        <source>New AIA statement…</source>
        <translation>新建 AIA 声明…</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="149" />
        <source>The AIA certification statement for a Tier 1 consignee to sign</source>
        <translation>供第 1 层级收货人签署的 AIA 认证声明</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="153" />
        <source>New LPP certification…</source>
        <translation>新建 LPP 认证…</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="156" />
        <source>The LPP certification for a consignee and calendar year</source>
        <translation>某收货人某一日历年的 LPP 认证</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="160" />
        <source>Decision record for order…</source>
        <translation>订单的决定记录…</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="163" />
        <source>The record of an order's decision, to file with the shipment papers</source>
        <translation>订单决定的记录，随装运文件一起归档</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="167" />
        <source>Shipment notice…</source>
        <translation>装运通知…</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="170" />
        <source>The AIA shipment notice for an order</source>
        <translation>订单的 AIA 装运通知</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="174" />
        <source>Quota report</source>
        <translation>配额报告</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="178" />
        <source>Country allocations, LPP use, NVEU and UVEU against their limits, as of today</source>
        <translation>截至今天，各国分配额、LPP 使用量、NVEU 和 UVEU 与其限额的对比</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="183" />
        <source>Batch…</source>
        <translation>批处理…</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="186" />
        <source>Every AIA statement due, or every decision record of a day, into a folder</source>
        <translation>将所有应出具的 AIA 声明或某一天的所有决定记录生成到一个文件夹</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="190" />
        <source>Verify…</source>
        <translation>验证…</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="193" />
        <source>Check a PDF file or a code typed from paper against the registry</source>
        <translation>根据登记簿核对 PDF 文件或从纸质文件上输入的代码</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="199" />
        <source>Signed copy returned…</source>
        <translation>已返回签字副本…</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="202" />
        <source>Record the return of the selected statement's signed copy</source>
        <translation>记录所选声明的签字副本已返回</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="206" />
        <source>Letterhead…</source>
        <translation>信头…</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="209" />
        <source>The exporter's letterhead, paper size and the officer named on paper</source>
        <translation>出口商信头、纸张尺寸以及纸面上署名的合规官</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="233" />
        <source>No PDF renderer is set up in this window</source>
        <translation>此窗口未设置 PDF 渲染器</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="250" />
        <source>documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="251" />
        <source>part of a document's number, title, party, order, code or author</source>
        <translation>文件编号、标题、当事方、订单、代码或作者的一部分</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="258" />
        <source>All documents</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="262" />
        <source>Awaiting signed copy</source>
        <translation>等待签字副本</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="288" />
        <source>%v of %m documents</source>
        <translation>%v / %m 份文件</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="290" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="326" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="338" />
        <source>The exporter's letterhead is not set, so no document can be registered yet. &lt;a href='letterhead'&gt;Set the letterhead…&lt;/a&gt;</source>
        <translation>尚未设置出口商信头，因此还不能登记任何文件。&lt;a href='letterhead'&gt;设置信头…&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../pages/documents/page.py" line="495" />
        <source>Generating the quota report…</source>
        <translation>正在生成配额报告…</translation>
    </message>
</context>
<context>
    <name>GenerateDialog</name>
    <message>
        <location filename="../pages/documents/generate_dialog.py" line="37" />
        <location filename="../pages/documents/generate_dialog.py" line="99" />
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../pages/documents/generate_dialog.py" line="86" />
        <source>Generating…</source>
        <translation>正在生成…</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../pages/screening/history.py" line="78" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../pages/screening/history.py" line="94" />
        <source>Screenings</source>
        <translation>筛查记录</translation>
    </message>
    <message>
        <location filename="../pages/screening/history.py" line="96" />
        <source>Dispositions</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../pages/screening/history.py" line="132" />
        <source>Could not read the history.</source>
        <translation>无法读取历史记录。</translation>
    </message>
</context>
<context>
    <name>LicenseDialog</name>
    <message>
        <location filename="../pages/paperwork/licence.py" line="44" />
        <source>a-level ICs and systems (TPP)</source>
        <translation>a 级集成电路及系统 (TPP)</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/licence.py" line="45" />
        <source>Model weights (4E091)</source>
        <translation>模型权重 (4E091)</translation>
    </message>
</context>
<context>
    <name>LppCertificationDialog</name>
    <message>
        <location filename="../pages/documents/lpp_certification.py" line="33" />
        <source>Name, title (leave empty for a blank line)</source>
        <translation>姓名、职务（留空则为空行）</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <location filename="../pages/orders.py" line="47" />
        <source>Needs attention</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="51" />
        <source>All outcomes</source>
        <translation>所有结果</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="53" />
        <source>Pending (no decision)</source>
        <translation>待处理（无决定）</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="66" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="72" />
        <source>No licence required</source>
        <translation>无需许可证</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="73" />
        <source>Authorized</source>
        <translation>已授权</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="74" />
        <source>Licence required</source>
        <translation>需要许可证</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="75" />
        <source>Hold</source>
        <translation>暂扣</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="76" />
        <source>Prohibited</source>
        <translation>禁止</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="89" />
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="135" />
        <source>Click a column heading to sort the list by it; again to reverse</source>
        <translation>点击列标题按该列排序；再次点击则反向排序</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="164" />
        <source>Ruleset in effect today: &lt;b&gt;{id}&lt;/b&gt;.</source>
        <translation>今日生效的规则集：&lt;b&gt;{id}&lt;/b&gt;。</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="175" />
        <source>New order…</source>
        <translation>新建订单…</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="178" />
        <source>Enter a new order</source>
        <translation>录入新订单</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="183" />
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="186" />
        <source>Check the selected order and record the decision</source>
        <translation>检查所选订单并记录决定</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="191" />
        <source>Check all pending</source>
        <translation>检查所有待处理订单</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="194" />
        <source>Check every order without a decision, oldest first</source>
        <translation>按从旧到新的顺序检查所有尚无决定的订单</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="199" />
        <source>Cancel order…</source>
        <translation>取消订单…</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="202" />
        <source>Cancel the selected order and release its quota</source>
        <translation>取消所选订单并释放其配额</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="207" />
        <source>Red flags…</source>
        <translation>警示信号…</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="210" />
        <source>Know-your-customer checklist and Red Flag 28 for the selected order</source>
        <translation>所选订单的“了解你的客户”核对清单和第 28 号警示信号</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="215" />
        <source>Export list…</source>
        <translation>导出列表…</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="219" />
        <source>Write the orders listed now, with their outcomes, to a CSV file for a spreadsheet</source>
        <translation>将当前列出的订单及其结果写入 CSV 文件，供电子表格使用</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="245" />
        <source>orders and parties</source>
        <translation>订单和当事方</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="246" />
        <source>part of an order ref, or of the consignee's or end user's ref, name or alias</source>
        <translation>订单编号，或收货人或最终用户的编号、名称或别名的一部分</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="256" />
        <source>Hold, licence required or prohibited</source>
        <translation>暂扣、需要许可证或禁止</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="262" />
        <source>All destinations</source>
        <translation>所有目的地</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="264" />
        <source>Tier {tier} destinations</source>
        <translation>第 {tier} 层级目的地</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="267" />
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="273" />
        <source>Party ref</source>
        <translation>当事方编号</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="276" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="302" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="314" />
        <source>%v of %m orders checked</source>
        <translation>已检查 %v / %m 个订单</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="315" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="401" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="430" />
        <source>Loading… first {count} shown</source>
        <translation>正在加载… 已显示前 {count} 个</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="441" />
        <source>1 order</source>
        <translation>1 个订单</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="443" />
        <source>{count} orders</source>
        <translation>{count} 个订单</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="623" />
        <source>Checking pending orders…</source>
        <translation>正在检查待处理订单…</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="640" />
        <source>Checking {what}</source>
        <translation>正在检查 {what}</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="647" />
        <source>Stopping after the current order…</source>
        <translation>将在当前订单完成后停止…</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="657" />
        <source>Stopped: checked {checked} of {total}</source>
        <translation>已停止：已检查 {checked} / {total}</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="659" />
        <source>Done: checked {checked} of {total}</source>
        <translation>完成：已检查 {checked} / {total}</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="662" />
        <source>; {count} could not be checked</source>
        <translation>；{count} 个无法检查</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="671" />
        <source>Some orders could not be checked:</source>
        <translation>部分订单无法检查：</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="728" />
        <source>Copy {ref}</source>
        <translation>复制 {ref}</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="731" />
        <source>Only orders of {ref}</source>
        <translation>仅显示 {ref} 的订单</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="752" />
        <source>Export the order list</source>
        <translation>导出订单列表</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="752" />
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="767" />
        <source>Writing {count} orders to {file}…</source>
        <translation>正在将 {count} 个订单写入 {file}…</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="782" />
        <source>1 order written to {path}</source>
        <translation>已将 1 个订单写入 {path}</translation>
    </message>
    <message>
        <location filename="../pages/orders.py" line="784" />
        <source>{count} orders written to {path}</source>
        <translation>已将 {count} 个订单写入 {path}</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../pages/base.py" line="118" />
        <source>Could not read {what}.</source>
        <translation>无法读取{what}。</translation>
    </message>
</context>
<context>
    <name>PaperworkColumns</name>
    <message>
        <location filename="../pages/paperwork/columns.py" line="31" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="33" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="54" />
        <source>⚠ Not filed: needed now</source>
        <translation>⚠ 未提交：现在需要</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="62" />
        <source>✓ In force</source>
        <translation>✓ 有效</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="65" />
        <source>— Withdrawn</source>
        <translation>— 已撤回</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="68" />
        <source>… Not yet signed</source>
        <translation>… 尚未签署</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="73" />
        <location filename="../pages/paperwork/columns.py" line="111" />
        <location filename="../pages/paperwork/columns.py" line="166" />
        <source>Consignee</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="77" />
        <location filename="../pages/paperwork/columns.py" line="120" />
        <source>Signed on</source>
        <translation>签署日期</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="81" />
        <location filename="../pages/paperwork/columns.py" line="123" />
        <source>Signed by</source>
        <translation>签署人</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="85" />
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="88" />
        <source>Model weights storage attested</source>
        <translation>已证明模型权重存储</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="90" />
        <source>No attestation of model weights storage</source>
        <translation>无模型权重存储证明</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="95" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="97" />
        <source>AIA shipped (all time)</source>
        <translation>AIA 已装运（累计）</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="100" />
        <source>BIS submission</source>
        <translation>向 BIS 提交</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="115" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="125" />
        <source>Prior receipts</source>
        <translation>先前接收量</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="128" />
        <source>Our LPP shipments</source>
        <translation>我方 LPP 装运量</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="130" />
        <source>Used of the limit</source>
        <translation>限额使用率</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="140" />
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="159" />
        <source>a-level TPP</source>
        <translation>a 级 TPP</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="160" />
        <source>Model weights</source>
        <translation>模型权重</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="164" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="169" />
        <source>Destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="171" />
        <source>Covers</source>
        <translation>涵盖范围</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="175" />
        <source>Authorized</source>
        <translation>已授权</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="178" />
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="180" />
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="182" />
        <source>Depletion</source>
        <translation>消耗</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="186" />
        <source>n/a (weights)</source>
        <translation>不适用（权重）</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="192" />
        <source>Validity</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="204" />
        <source>VEU holder</source>
        <translation>VEU 持有者</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="207" />
        <source>VEU</source>
        <translation>VEU</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="209" />
        <location filename="../pages/paperwork/columns.py" line="229" />
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="213" />
        <location filename="../pages/paperwork/columns.py" line="233" />
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="215" />
        <source>Installed by others</source>
        <translation>他方安装量</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="216" />
        <source>Our VEU shipments</source>
        <translation>我方 VEU 装运量</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="217" />
        <source>Installed in total</source>
        <translation>安装总量</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="236" />
        <source>G2G agreement</source>
        <translation>G2G 协议</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="240" />
        <source>Used by others</source>
        <translation>他方已用</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="244" />
        <source>Used by us</source>
        <translation>我方已用</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="248" />
        <source>Allocation</source>
        <translation>分配额</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="252" />
        <source>none (not Tier 2)</source>
        <translation>无（非第 2 层级）</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/columns.py" line="258" />
        <source>Used of the allocation</source>
        <translation>分配额使用率</translation>
    </message>
</context>
<context>
    <name>PaperworkPage</name>
    <message>
        <location filename="../pages/paperwork/page.py" line="64" />
        <source>Certifications &amp; Licences</source>
        <translation>认证与许可证</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/page.py" line="66" />
        <source>the paperwork</source>
        <translation>证书文件</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/page.py" line="102" />
        <source>the lists</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/page.py" line="102" />
        <source>part of a consignee, a licence or a country</source>
        <translation>收货人、许可证或国家的一部分</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/page.py" line="113" />
        <source>Record AIA certification…</source>
        <translation>记录 AIA 认证…</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/page.py" line="114" />
        <source>Record BIS submission…</source>
        <translation>记录向 BIS 提交…</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/page.py" line="115" />
        <location filename="../pages/paperwork/page.py" line="121" />
        <source>Revoke…</source>
        <translation>撤销…</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/page.py" line="119" />
        <source>Record LPP certification…</source>
        <translation>记录 LPP 认证…</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/page.py" line="120" />
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/page.py" line="125" />
        <source>Add licence…</source>
        <translation>添加许可证…</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/page.py" line="127" />
        <source>Set footprint…</source>
        <translation>设置部署规模…</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/page.py" line="128" />
        <location filename="../pages/paperwork/page.py" line="132" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/page.py" line="131" />
        <source>Add country…</source>
        <translation>添加国家…</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/page.py" line="137" />
        <location filename="../pages/paperwork/page.py" line="252" />
        <source>AIA certifications</source>
        <translation>AIA 认证</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/page.py" line="141" />
        <source>One-time certification by a Tier 1 ultimate consignee before its first AIA shipment; filed with BIS once its AIA shipments reach the threshold.</source>
        <translation>第 1 层级最终收货人在首次 AIA 装运前出具的一次性认证；其 AIA 装运量达到阈值后提交给 BIS。</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/page.py" line="146" />
        <location filename="../pages/paperwork/page.py" line="253" />
        <source>LPP certifications</source>
        <translation>LPP 认证</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/page.py" line="150" />
        <source>Per consignee per calendar year, with what it received from others that year.</source>
        <translation>每个收货人每个日历年一份，并注明其当年从他方接收的数量。</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/page.py" line="154" />
        <location filename="../pages/paperwork/page.py" line="254" />
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/page.py" line="157" />
        <source>Shipments under a licence deplete its authorized TPP.</source>
        <translation>许可证项下的装运会消耗其授权 TPP。</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/page.py" line="160" />
        <location filename="../pages/paperwork/page.py" line="255" />
        <source>VEU footprints</source>
        <translation>VEU 部署规模</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/page.py" line="164" />
        <source>Installed a-level TPP of VEU holders by country: recorded from other sources, plus our authorized VEU shipments.</source>
        <translation>VEU 持有者按国家统计的已安装 a 级 TPP：来自其他来源的记录，加上我方经授权的 VEU 装运。</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/page.py" line="169" />
        <location filename="../pages/paperwork/page.py" line="256" />
        <source>Countries</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/page.py" line="172" />
        <source>Tier 2 allocations: agreements and what other exporters reported using.</source>
        <translation>第 2 层级分配额：协议情况以及其他出口商报告的使用量。</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/page.py" line="214" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/page.py" line="265" />
        <source>Standing on {date} under ruleset {ruleset}. Select a row for its actions; undo with Ctrl+Z.</source>
        <translation>截至 {date}，依据规则集 {ruleset}。选择一行以执行操作；按 Ctrl+Z 撤销。</translation>
    </message>
</context>
<context>
    <name>PartiesPage</name>
    <message>
        <location filename="../pages/parties/page.py" line="55" />
        <source>Parties</source>
        <translation>当事方</translation>
    </message>
    <message>
        <location filename="../pages/parties/page.py" line="58" />
        <source>party</source>
        <translation>当事方</translation>
    </message>
    <message>
        <location filename="../pages/parties/page.py" line="59" />
        <source>parties</source>
        <translation>当事方</translation>
    </message>
    <message>
        <location filename="../pages/parties/page.py" line="61" />
        <source>Search the parties</source>
        <translation>搜索当事方</translation>
    </message>
    <message>
        <location filename="../pages/parties/page.py" line="62" />
        <source>part of a party's ref, legal name or alias</source>
        <translation>当事方编号、法定名称或别名的一部分</translation>
    </message>
    <message>
        <location filename="../pages/parties/page.py" line="65" />
        <source>Discard the changes not saved yet</source>
        <translation>放弃尚未保存的更改</translation>
    </message>
    <message>
        <location filename="../pages/parties/page.py" line="93" />
        <location filename="../pages/parties/page.py" line="337" />
        <source>No party selected</source>
        <translation>未选择当事方</translation>
    </message>
    <message>
        <location filename="../pages/parties/page.py" line="125" />
        <source>Standing at a glance</source>
        <translation>状况一览</translation>
    </message>
    <message>
        <location filename="../pages/parties/page.py" line="126" />
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location filename="../pages/parties/page.py" line="212" />
        <source>Show the orders of {ref}</source>
        <translation>显示 {ref} 的订单</translation>
    </message>
    <message>
        <location filename="../pages/parties/page.py" line="216" />
        <source>Screening history of {ref}…</source>
        <translation>{ref} 的筛查历史…</translation>
    </message>
    <message>
        <location filename="../pages/parties/page.py" line="231" />
        <source>Resolve visit {visit}</source>
        <translation>处理第 {visit} 次访查</translation>
    </message>
    <message>
        <location filename="../pages/parties/page.py" line="233" />
        <source>How were the discrepancies of visit {visit} of {ref} resolved? (kept in the audit log; the party's orders are no longer held for this visit)</source>
        <translation>第 {visit} 次访查（{ref}）发现的差异是如何处理的？（记入审计日志；该当事方的订单将不再因此次访查而被暂扣）</translation>
    </message>
    <message>
        <location filename="../pages/parties/page.py" line="322" />
        <source>located in {country}</source>
        <translation>位于 {country}</translation>
    </message>
    <message>
        <location filename="../pages/parties/page.py" line="323" />
        <source>headquartered in {country}</source>
        <translation>总部位于 {country}</translation>
    </message>
    <message>
        <location filename="../pages/parties/page.py" line="331" />
        <source>ultimate parent {name}</source>
        <translation>最终母公司 {name}</translation>
    </message>
    <message>
        <location filename="../pages/parties/page.py" line="339" />
        <source>Pick a party in the list, or press Ctrl+Shift+P for a new one.</source>
        <translation>在列表中选择一个当事方，或按 Ctrl+Shift+P 新建。</translation>
    </message>
    <message>
        <location filename="../pages/parties/page.py" line="341" />
        <source>Select a party to see its standing.</source>
        <translation>选择一个当事方以查看其状况。</translation>
    </message>
    <message>
        <location filename="../pages/parties/page.py" line="349" />
        <source>New party</source>
        <translation>新建当事方</translation>
    </message>
    <message>
        <location filename="../pages/parties/page.py" line="350" />
        <source>Enter the party's details, then Save (Ctrl+S).</source>
        <translation>输入当事方的详细信息，然后保存 (Ctrl+S)。</translation>
    </message>
    <message>
        <location filename="../pages/parties/page.py" line="351" />
        <source>The standing appears once the party is saved.</source>
        <translation>当事方保存后将显示其状况。</translation>
    </message>
    <message>
        <location filename="../pages/parties/page.py" line="358" />
        <source>Not saved: correct the fields marked above.</source>
        <translation>未保存：请更正上面标出的字段。</translation>
    </message>
    <message>
        <location filename="../pages/parties/page.py" line="369" />
        <source>Comparing the name with the stored parties…</source>
        <translation>正在将名称与已存储的当事方进行比较…</translation>
    </message>
    <message>
        <location filename="../pages/parties/page.py" line="389" />
        <source>Not saved yet: see the warning under the name. Save again to create the party.</source>
        <translation>尚未保存：请查看名称下方的警告。再次保存即可创建该当事方。</translation>
    </message>
</context>
<context>
    <name>PartyEditor</name>
    <message>
        <location filename="../pages/parties/editor.py" line="25" />
        <source>Short unique reference, e.g. DE-MUELLER</source>
        <translation>简短唯一的编号，例如 DE-MUELLER</translation>
    </message>
    <message>
        <location filename="../pages/parties/editor.py" line="28" />
        <source>One alias per line</source>
        <translation>每行一个别名</translation>
    </message>
    <message>
        <location filename="../pages/parties/editor.py" line="36" />
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../pages/parties/editor.py" line="38" />
        <source>Headquarters of the ultimate parent</source>
        <translation>最终母公司的总部</translation>
    </message>
    <message>
        <location filename="../pages/parties/editor.py" line="46" />
        <source>The country the NVEU covers</source>
        <translation>NVEU 所涵盖的国家</translation>
    </message>
    <message>
        <location filename="../pages/parties/editor.py" line="47" />
        <source>e.g. UVEU-25-0007</source>
        <translation>例如 UVEU-25-0007</translation>
    </message>
    <message>
        <location filename="../pages/parties/editor.py" line="69" />
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <location filename="../pages/parties/editor.py" line="93" />
        <source>The ref identifies the party in orders and the audit log; it cannot change.</source>
        <translation>编号用于在订单和审计日志中识别该当事方，不能更改。</translation>
    </message>
    <message>
        <location filename="../pages/parties/editor.py" line="149" />
        <location filename="../pages/parties/editor.py" line="157" />
        <source>{field} is required</source>
        <translation>{field}为必填项</translation>
    </message>
</context>
<context>
    <name>PartyLabels</name>
    <message>
        <location filename="../pages/parties/labels.py" line="12" />
        <source>End user</source>
        <translation>最终用户</translation>
    </message>
    <message>
        <location filename="../pages/parties/labels.py" line="13" />
        <source>Data-center operator</source>
        <translation>数据中心运营商</translation>
    </message>
    <message>
        <location filename="../pages/parties/labels.py" line="14" />
        <source>Cloud provider</source>
        <translation>云服务提供商</translation>
    </message>
    <message>
        <location filename="../pages/parties/labels.py" line="15" />
        <source>Distributor / reseller</source>
        <translation>分销商 / 经销商</translation>
    </message>
    <message>
        <location filename="../pages/parties/labels.py" line="16" />
        <source>Research institution</source>
        <translation>研究机构</translation>
    </message>
    <message>
        <location filename="../pages/parties/labels.py" line="17" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../pages/parties/labels.py" line="20" />
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../pages/parties/labels.py" line="21" />
        <source>UVEU (universal)</source>
        <translation>UVEU（通用）</translation>
    </message>
    <message>
        <location filename="../pages/parties/labels.py" line="22" />
        <source>NVEU (national, one country)</source>
        <translation>NVEU（国家，单一国家）</translation>
    </message>
    <message>
        <location filename="../pages/parties/labels.py" line="25" />
        <source>Ref</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../pages/parties/labels.py" line="26" />
        <source>Legal name</source>
        <translation>法定名称</translation>
    </message>
    <message>
        <location filename="../pages/parties/labels.py" line="27" />
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <location filename="../pages/parties/labels.py" line="28" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../pages/parties/labels.py" line="29" />
        <source>Location</source>
        <translation>所在地</translation>
    </message>
    <message>
        <location filename="../pages/parties/labels.py" line="30" />
        <source>Headquarters</source>
        <translation>总部</translation>
    </message>
    <message>
        <location filename="../pages/parties/labels.py" line="31" />
        <source>Ultimate parent</source>
        <translation>最终母公司</translation>
    </message>
    <message>
        <location filename="../pages/parties/labels.py" line="32" />
        <source>Parent headquarters</source>
        <translation>母公司总部</translation>
    </message>
    <message>
        <location filename="../pages/parties/labels.py" line="33" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../pages/parties/labels.py" line="34" />
        <source>VEU status</source>
        <translation>VEU 状态</translation>
    </message>
    <message>
        <location filename="../pages/parties/labels.py" line="35" />
        <source>NVEU country</source>
        <translation>NVEU 国家</translation>
    </message>
    <message>
        <location filename="../pages/parties/labels.py" line="36" />
        <source>Authorization no.</source>
        <translation>授权编号</translation>
    </message>
</context>
<context>
    <name>PartyTableModel</name>
    <message>
        <location filename="../pages/parties/table.py" line="21" />
        <source>Ref</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../pages/parties/table.py" line="22" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../pages/parties/table.py" line="23" />
        <source>Location</source>
        <translation>所在地</translation>
    </message>
    <message>
        <location filename="../pages/parties/table.py" line="24" />
        <source>HQ</source>
        <translation>总部</translation>
    </message>
    <message>
        <location filename="../pages/parties/table.py" line="25" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../pages/parties/table.py" line="26" />
        <source>VEU</source>
        <translation>VEU</translation>
    </message>
    <message>
        <location filename="../pages/parties/table.py" line="27" />
        <source>Orders</source>
        <translation>订单</translation>
    </message>
</context>
<context>
    <name>ProductEditor</name>
    <message>
        <location filename="../pages/products/editor.py" line="40" />
        <source>Short unique reference, e.g. H100-SXM</source>
        <translation>简短唯一的编号，例如 H100-SXM</translation>
    </message>
    <message>
        <location filename="../pages/products/editor.py" line="46" />
        <source>TPP per IC</source>
        <translation>单个集成电路的 TPP</translation>
    </message>
    <message>
        <location filename="../pages/products/editor.py" line="47" />
        <source>Datasheet rates</source>
        <translation>数据表速率</translation>
    </message>
    <message>
        <location filename="../pages/products/editor.py" line="56" />
        <source>One dense peak rate per line, TOPS:BITS
e.g. 1979:8 and 989.5:16; add :sparse to halve a sparse-only figure</source>
        <translation>每行一个稠密峰值速率，格式为 TOPS:BITS
例如 1979:8 和 989.5:16；添加 :sparse 可将仅为稀疏的数值减半</translation>
    </message>
    <message>
        <location filename="../pages/products/editor.py" line="67" />
        <source>Designed or marketed for datacenters</source>
        <translation>专为数据中心设计或销售</translation>
    </message>
    <message>
        <location filename="../pages/products/editor.py" line="74" />
        <source>Weights are published (open weights)</source>
        <translation>权重已公开（开放权重）</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <location filename="../pages/products/page.py" line="37" />
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../pages/products/page.py" line="40" />
        <source>product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../pages/products/page.py" line="41" />
        <source>products</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../pages/products/page.py" line="42" />
        <source>part of a product's ref, name, kind or ECCN</source>
        <translation>产品编号、名称、类型或 ECCN 的一部分</translation>
    </message>
    <message>
        <location filename="../pages/products/page.py" line="69" />
        <source>No product selected</source>
        <translation>未选择产品</translation>
    </message>
    <message>
        <location filename="../pages/products/page.py" line="199" />
        <source>needed here: at this TPP the performance density decides</source>
        <translation>此处需要：在此 TPP 下由性能密度决定</translation>
    </message>
    <message>
        <location filename="../pages/products/page.py" line="204" />
        <source>New product</source>
        <translation>新建产品</translation>
    </message>
</context>
<context>
    <name>QuotasPage</name>
    <message>
        <location filename="../pages/quotas.py" line="197" />
        <source>Quotas</source>
        <translation>配额</translation>
    </message>
    <message>
        <location filename="../pages/quotas.py" line="199" />
        <source>the quotas</source>
        <translation>配额</translation>
    </message>
    <message>
        <location filename="../pages/quotas.py" line="206" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../pages/paperwork/record_dialog.py" line="210" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../pages/paperwork/record_dialog.py" line="222" />
        <location filename="../pages/paperwork/record_dialog.py" line="228" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>RecordEditorPage</name>
    <message>
        <location filename="../pages/record_editor.py" line="186" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../pages/record_editor.py" line="189" />
        <source>Save the {noun} (Ctrl+S)</source>
        <translation>保存{noun} (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../pages/record_editor.py" line="194" />
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../pages/record_editor.py" line="224" />
        <source>Copy {ref}</source>
        <translation>复制 {ref}</translation>
    </message>
    <message>
        <location filename="../pages/record_editor.py" line="245" />
        <source>New {noun}…</source>
        <translation>新建{noun}…</translation>
    </message>
    <message>
        <location filename="../pages/record_editor.py" line="251" />
        <source>Enter a new {noun}</source>
        <translation>录入新的{noun}</translation>
    </message>
    <message>
        <location filename="../pages/record_editor.py" line="257" />
        <source>Save {noun}</source>
        <translation>保存{noun}</translation>
    </message>
    <message>
        <location filename="../pages/record_editor.py" line="263" />
        <source>Save the {noun}</source>
        <translation>保存{noun}</translation>
    </message>
    <message>
        <location filename="../pages/record_editor.py" line="269" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../pages/record_editor.py" line="307" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../pages/record_editor.py" line="329" />
        <source>{count} {things}</source>
        <translation>{count} 个{things}</translation>
    </message>
    <message>
        <location filename="../pages/record_editor.py" line="357" />
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../pages/record_editor.py" line="358" />
        <source>The {noun} has changes that are not saved. Discard them?</source>
        <translation>该{noun}有尚未保存的更改。是否放弃？</translation>
    </message>
    <message>
        <location filename="../pages/record_editor.py" line="446" />
        <source>No changes to save.</source>
        <translation>没有需要保存的更改。</translation>
    </message>
    <message>
        <location filename="../pages/record_editor.py" line="459" />
        <source>Edit {noun} {ref}</source>
        <translation>编辑{noun} {ref}</translation>
    </message>
    <message>
        <location filename="../pages/record_editor.py" line="474" />
        <location filename="../pages/record_editor.py" line="497" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../pages/record_editor.py" line="488" />
        <source>Saved. Undo with Ctrl+Z ({what}).</source>
        <translation>已保存。按 Ctrl+Z 撤销（{what}）。</translation>
    </message>
    <message>
        <location filename="../pages/record_editor.py" line="517" />
        <source>{noun} {ref} created.</source>
        <translation>{noun} {ref} 已创建。</translation>
    </message>
    <message>
        <location filename="../pages/record_editor.py" line="535" />
        <source>Not saved: an internal error occurred.</source>
        <translation>未保存：发生内部错误。</translation>
    </message>
    <message>
        <location filename="../pages/record_editor.py" line="542" />
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
</context>
<context>
    <name>RedFlagsPage</name>
    <message>
        <location filename="../pages/red_flags.py" line="95" />
        <source>Red flags</source>
        <translation>警示信号</translation>
    </message>
    <message>
        <location filename="../pages/red_flags.py" line="97" />
        <source>the red flags</source>
        <translation>警示信号</translation>
    </message>
    <message>
        <location filename="../pages/red_flags.py" line="110" />
        <source>Record a resolution…</source>
        <translation>记录处理结果…</translation>
    </message>
    <message>
        <location filename="../pages/red_flags.py" line="120" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../pages/red_flags.py" line="128" />
        <source>Open checklist</source>
        <translation>打开核对清单</translation>
    </message>
    <message>
        <location filename="../pages/red_flags.py" line="132" />
        <source>Any order:</source>
        <translation>任一订单：</translation>
    </message>
    <message>
        <location filename="../pages/red_flags.py" line="137" />
        <source>Resolve Red Flag 28…</source>
        <translation>处理第 28 号警示信号…</translation>
    </message>
    <message>
        <location filename="../pages/red_flags.py" line="140" />
        <source>Open checklist…</source>
        <translation>打开核对清单…</translation>
    </message>
</context>
<context>
    <name>RulesetsPage</name>
    <message>
        <location filename="../pages/rulesets.py" line="244" />
        <source>Rulesets</source>
        <translation>规则集</translation>
    </message>
</context>
<context>
    <name>ScreeningLists</name>
    <message>
        <location filename="../pages/screening/lists.py" line="83" />
        <source>Take it into use</source>
        <translation>投入使用</translation>
    </message>
</context>
<context>
    <name>ScreeningPage</name>
    <message>
        <location filename="../pages/screening/page.py" line="148" />
        <source>Screening</source>
        <translation>筛查</translation>
    </message>
    <message>
        <location filename="../pages/screening/page.py" line="150" />
        <source>the screening queue</source>
        <translation>筛查队列</translation>
    </message>
    <message>
        <location filename="../pages/screening/page.py" line="186" />
        <source>Potential matches to decide</source>
        <translation>待决定的潜在匹配</translation>
    </message>
    <message>
        <location filename="../pages/screening/page.py" line="218" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../pages/screening/page.py" line="227" />
        <source>&amp;Import list…</source>
        <translation>导入名单(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../pages/screening/page.py" line="231" />
        <source>Import the Consolidated Screening List (CSV or JSON) or a list of your own; a dry run shows what changes first</source>
        <translation>导入综合筛查名单（CSV 或 JSON）或自有名单；先进行试运行以显示变化</translation>
    </message>
    <message>
        <location filename="../pages/screening/page.py" line="236" />
        <source>&amp;Re-screen all parties</source>
        <translation>重新筛查所有当事方(&amp;R)</translation>
    </message>
    <message>
        <location filename="../pages/screening/page.py" line="239" />
        <source>Screen every party again against the snapshot in use</source>
        <translation>根据当前使用的快照重新筛查每个当事方</translation>
    </message>
    <message>
        <location filename="../pages/screening/page.py" line="242" />
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../pages/screening/page.py" line="245" />
        <source>The alert threshold and the second officer's approval</source>
        <translation>警报阈值和第二名合规官的批准</translation>
    </message>
    <message>
        <location filename="../pages/screening/page.py" line="259" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../pages/screening/page.py" line="262" />
        <source>Stop after the current batch</source>
        <translation>在当前批次完成后停止</translation>
    </message>
    <message>
        <location filename="../pages/screening/page.py" line="287" />
        <source>Press T or F, then say why; Enter records it</source>
        <translation>按 T 或 F，然后说明理由；按 Enter 记录</translation>
    </message>
    <message>
        <location filename="../pages/screening/page.py" line="289" />
        <source>Re&amp;ason:</source>
        <translation>理由(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../pages/screening/page.py" line="293" />
        <source>Optional: code, file or reference</source>
        <translation>可选：代码、文件或参考资料</translation>
    </message>
    <message>
        <location filename="../pages/screening/page.py" line="296" />
        <source>Doc&amp;ument:</source>
        <translation>文件(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../pages/screening/page.py" line="299" />
        <source>Rec&amp;ord  [Enter]</source>
        <translation>记录(&amp;O)  [Enter]</translation>
    </message>
    <message>
        <location filename="../pages/screening/page.py" line="302" />
        <source>Record the decision</source>
        <translation>记录该决定</translation>
    </message>
    <message>
        <location filename="../pages/screening/page.py" line="305" />
        <source>A&amp;pprove  [A]</source>
        <translation>批准(&amp;P)  [A]</translation>
    </message>
    <message>
        <location filename="../pages/screening/page.py" line="308" />
        <source>A second officer approves clearing this strong match</source>
        <translation>由第二名合规官批准排除此强匹配</translation>
    </message>
    <message>
        <location filename="../pages/screening/page.py" line="311" />
        <source>&amp;History…  [H]</source>
        <translation>历史(&amp;H)…  [H]</translation>
    </message>
    <message>
        <location filename="../pages/screening/page.py" line="314" />
        <source>Every screening and disposition of the selected party</source>
        <translation>所选当事方的每次筛查和处置</translation>
    </message>
    <message>
        <location filename="../pages/screening/page.py" line="594" />
        <source>Import a restricted-party list</source>
        <translation>导入受限方名单</translation>
    </message>
</context>
<context>
    <name>ScreeningSettingsDialog</name>
    <message>
        <location filename="../pages/screening/settings.py" line="47" />
        <source>Clearing a strong match needs a second officer's approval</source>
        <translation>排除强匹配需要第二名合规官批准</translation>
    </message>
</context>
<context>
    <name>SignedReturnDialog</name>
    <message>
        <location filename="../pages/documents/signed_return.py" line="79" />
        <source>Jane Doe, Chief Compliance Officer
John Roe, CEO</source>
        <translation>张三，首席合规官
李四，首席执行官</translation>
    </message>
    <message>
        <location filename="../pages/documents/signed_return.py" line="83" />
        <source>The consignee attests that model weights are stored securely</source>
        <translation>收货人证明模型权重已安全存储</translation>
    </message>
    <message>
        <location filename="../pages/documents/signed_return.py" line="92" />
        <source>One person per line, as they signed: name, title.</source>
        <translation>每行一人，按签署时填写：姓名、职务。</translation>
    </message>
    <message>
        <location filename="../pages/documents/signed_return.py" line="103" />
        <source>This statement did not carry the model-weight storage attestation; generate one with it for the consignee to sign.</source>
        <translation>此声明未附模型权重存储证明；请生成一份附有该证明的声明供收货人签署。</translation>
    </message>
    <message>
        <location filename="../pages/documents/signed_return.py" line="111" />
        <source>What the signer declared as received from other exporters this year; leave empty to keep the figure on file.</source>
        <translation>签署人声明的本年度从其他出口商接收的数量；留空则保留存档中的数值。</translation>
    </message>
    <message>
        <location filename="../pages/documents/signed_return.py" line="134" />
        <source>Name at least one person who signed.</source>
        <translation>请至少填写一名签署人。</translation>
    </message>
    <message>
        <location filename="../pages/documents/signed_return.py" line="167" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../pages/documents/signed_return.py" line="185" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>StandingPanel</name>
    <message>
        <location filename="../pages/parties/standing.py" line="140" />
        <source>LPP this year</source>
        <translation>本年度 LPP</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="146" />
        <location filename="../pages/parties/standing.py" line="324" />
        <source>AIA cumulative</source>
        <translation>AIA 累计</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="155" />
        <location filename="../pages/parties/standing.py" line="371" />
        <source>VEU footprint</source>
        <translation>VEU 部署规模</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="165" />
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="166" />
        <location filename="../pages/parties/standing.py" line="180" />
        <source>Destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="167" />
        <source>Covers</source>
        <translation>涵盖范围</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="168" />
        <source>Authorized TPP</source>
        <translation>授权 TPP</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="169" />
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="170" />
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="175" />
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="180" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="180" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="180" />
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="182" />
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="184" />
        <source>Show all orders of this party</source>
        <translation>显示该当事方的所有订单</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="193" />
        <source>Visit</source>
        <translation>访查</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="194" />
        <source>Signed off</source>
        <translation>签核日期</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="195" />
        <source>Site</source>
        <translation>现场</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="196" />
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="197" />
        <source>Discrepancies</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="198" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="203" />
        <source>Record how the discrepancies were resolved…</source>
        <translation>记录差异的处理结果…</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="206" />
        <source>The party's orders stay held until the officer records a resolution (audited)</source>
        <translation>在合规官记录处理结果（经审计）之前，该当事方的订单将保持暂扣</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="212" />
        <source>Field audits</source>
        <translation>现场审计</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="215" />
        <source>Select a party to see its standing.</source>
        <translation>选择一个当事方以查看其状况。</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="267" />
        <source>Standing on {date} under ruleset {ruleset}. Figures count a-level TPP only.</source>
        <translation>截至 {date}，依据规则集 {ruleset}。数字仅计入 a 级 TPP。</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="288" />
        <source>{exception} cannot be used: {why}.</source>
        <translation>{exception} 无法使用：{why}。</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="303" />
        <source>LPP certification for {year} on file (prior receipts {prior} TPP).</source>
        <translation>已存档 {year} 年的 LPP 认证（先前接收量 {prior} TPP）。</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="306" />
        <source>No LPP certification for {year} on file: LPP cannot be used until one is.</source>
        <translation>未存档 {year} 年的 LPP 认证：存档之前不能使用 LPP。</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="311" />
        <source>Prior receipts {prior} + our LPP shipments {shipped} in {year}, against the limit of {limit} TPP per consignee per calendar year.</source>
        <translation>先前接收量 {prior} + 我方 {year} 年 LPP 装运量 {shipped}，对照每个收货人每个日历年 {limit} TPP 的限额。</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="331" />
        <source>{used} of {limit} TPP</source>
        <translation>{used} / {limit} TPP</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="338" />
        <source>No AIA certification on file: AIA cannot be used until one is recorded.</source>
        <translation>未存档 AIA 认证：记录之前不能使用 AIA。</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="341" />
        <source>in force</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="341" />
        <source>not in force</source>
        <translation>未生效</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="343" />
        <source> (revoked {date})</source>
        <translation>（已于 {date} 撤销）</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="347" />
        <source>submitted to BIS on {date}</source>
        <translation>已于 {date} 提交给 BIS</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="351" />
        <source>not yet submitted to BIS</source>
        <translation>尚未提交给 BIS</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="353" />
        <source>AIA certification signed {date}, {state}; {filed}.</source>
        <translation>AIA 认证签署于 {date}，{state}；{filed}。</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="358" />
        <source>Cumulative AIA shipments, all time. {left} TPP to go before the AIA certification must have been submitted to BIS ({threshold} TPP).</source>
        <translation>AIA 累计装运量（全部时间）。距 AIA 认证必须已提交给 BIS 的阈值（{threshold} TPP）还差 {left} TPP。</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="363" />
        <source>Cumulative AIA shipments, all time. Threshold reached: the AIA certification must have been submitted to BIS ({threshold} TPP).</source>
        <translation>AIA 累计装运量（全部时间）。已达到阈值：AIA 认证必须已提交给 BIS（{threshold} TPP）。</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="374" />
        <source>{holder}: {tpp} TPP installed in 1 country (other sources plus our VEU shipments).</source>
        <translation>{holder}：在 1 个国家安装了 {tpp} TPP（其他来源加上我方 VEU 装运）。</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="378" />
        <source>{holder}: {tpp} TPP installed in {count} countries (other sources plus our VEU shipments).</source>
        <translation>{holder}：在 {count} 个国家安装了 {tpp} TPP（其他来源加上我方 VEU 装运）。</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="391" />
        <source> Installed base in {country} against the cumulative NVEU cap for {period}:</source>
        <translation> {country} 的安装量对照 {period} 的累计 NVEU 上限：</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="400" />
        <source>✓ within</source>
        <translation>✓ 在限额内</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="400" />
        <source>✕ outside</source>
        <translation>✕ 超出限额</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="403" />
        <source>at least {limit})</source>
        <translation>至少 {limit}）</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="405" />
        <source>at most {limit})</source>
        <translation>至多 {limit}）</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="411" />
        <source>UVEU limits after each shipment:</source>
        <translation>每次装运后的 UVEU 限额：</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="416" />
        <source>An NVEU holder's installed base in its authorized country must stay within the cumulative cap of the shipment's quarter.</source>
        <translation>NVEU 持有者在其授权国家的安装量必须保持在装运所在季度的累计上限之内。</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="421" />
        <source>No footprint recorded yet.</source>
        <translation>尚未记录部署规模。</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="431" />
        <source>Model weights</source>
        <translation>模型权重</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="431" />
        <source>a-level ICs/systems</source>
        <translation>a 级集成电路/系统</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="434" />
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="437" />
        <source> (not valid today)</source>
        <translation>（今天无效）</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="449" />
        <source>No licences on file for this party.</source>
        <translation>该当事方没有存档的许可证。</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="454" />
        <source>Orders ({count})</source>
        <translation>订单（{count}）</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="456" />
        <source>, latest {count}</source>
        <translation>，最近 {count} 个</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="481" />
        <source>Open the Orders page filtered by {ref}</source>
        <translation>打开按 {ref} 筛选的订单页面</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="492" />
        <source>Record how the discrepancies of visit {visit} were resolved…</source>
        <translation>记录第 {visit} 次访查差异的处理结果…</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="499" />
        <source>open: orders held</source>
        <translation>未结：订单暂扣</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="502" />
        <source>resolved {date}</source>
        <translation>已于 {date} 处理</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="504" />
        <source>no discrepancies</source>
        <translation>无差异</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="531" />
        <source>No field audit of {ref} has been merged. A kit (`kit export`) takes the desk to the site; `kit merge` brings the visit back.</source>
        <translation>尚未合并 {ref} 的现场审计。审计包（`kit export`）将工作台带到现场；`kit merge` 将访查结果带回。</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../pages/documents/verify.py" line="58" />
        <source>Check a paper copy against the registry: open the PDF file, or type the verification code printed at the foot of each page (any case; spaces and dashes do not matter).</source>
        <translation>根据登记簿核对纸质副本：打开 PDF 文件，或输入每页页脚印有的验证码（不区分大小写；空格和短横线无关紧要）。</translation>
    </message>
    <message>
        <location filename="../pages/documents/verify.py" line="68" />
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../pages/documents/verify.py" line="70" />
        <source>Verify file</source>
        <translation>验证文件</translation>
    </message>
    <message>
        <location filename="../pages/documents/verify.py" line="81" />
        <source>Verify code</source>
        <translation>验证代码</translation>
    </message>
    <message>
        <location filename="../pages/documents/verify.py" line="121" />
        <source>Reading PDF files is not set up here; type the code</source>
        <translation>此处未设置读取 PDF 文件的功能；请输入代码</translation>
    </message>
</context>
<context>
    <name>VeuChart</name>
    <message>
        <location filename="../pages/parties/standing.py" line="76" />
        <source>Share of installed a-level TPP, by country</source>
        <translation>各国已安装 a 级 TPP 占比</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="89" />
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../pages/parties/standing.py" line="112" />
        <source>% of installed TPP</source>
        <translation>占已安装 TPP 的百分比</translation>
    </message>
</context>
</TS>
