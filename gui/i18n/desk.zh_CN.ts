<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Accessibility</name>
    <message>
        <source>Table: {columns}</source>
        <translation>表格：{columns}</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>更多操作</translation>
    </message>
    <message>
        <source>Tabs: {tabs}</source>
        <translation>标签页：{tabs}</translation>
    </message>
    <message>
        <source>List: {items}…</source>
        <translation>列表：{items}…</translation>
    </message>
</context>
<context>
    <name>CancelOrderDialog</name>
    <message>
        <source>Cancel order {ref}</source>
        <translation>取消订单 {ref}</translation>
    </message>
    <message>
        <source>Cancel order &lt;b&gt;{ref}&lt;/b&gt;? The quota its decision consumed is released; its decisions stay in the record.</source>
        <translation>取消订单 &lt;b&gt;{ref}&lt;/b&gt;？其决定占用的配额将被释放；其各项决定仍保留在记录中。</translation>
    </message>
    <message>
        <source>&amp;Reason (kept in the audit log):</source>
        <translation>原因（保存在审计日志中）(&amp;R)：</translation>
    </message>
    <message>
        <source>e.g. customer withdrew the order on 2026-11-30</source>
        <translation>例如：客户于 2026-11-30 撤回订单</translation>
    </message>
    <message>
        <source>At most {count} characters.</source>
        <translation>最多 {count} 个字符。</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <source>Keep order</source>
        <translation>保留订单</translation>
    </message>
    <message>
        <source>Say why the order is cancelled: the audit log keeps the reason.</source>
        <translation>请说明取消订单的原因：审计日志会保存该原因。</translation>
    </message>
    <message>
        <source>{count} characters: at most {most} are kept.</source>
        <translation>{count} 个字符：最多保存 {most} 个。</translation>
    </message>
</context>
<context>
    <name>ChecklistPane</name>
    <message>
        <source>&amp;Yes</source>
        <translation>是(&amp;Y)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Note on {item}</source>
        <translation>关于 {item} 的备注</translation>
    </message>
    <message>
        <source>What was seen (Enter records it with the answer)</source>
        <translation>所见情况（按 Enter 与回答一并记录）</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <source>recorded: FAILED item</source>
        <translation>已记录：不合格项</translation>
    </message>
    <message>
        <source>recorded: yes</source>
        <translation>已记录：是</translation>
    </message>
</context>
<context>
    <name>CountryEdit</name>
    <message>
        <source>Code or name, e.g. DE or Germany</source>
        <translation>代码或名称，例如 DE 或 Germany</translation>
    </message>
</context>
<context>
    <name>CountryField</name>
    <message>
        <source>Code or name, e.g. MX or Mexico</source>
        <translation>代码或名称，例如 MX 或 Mexico</translation>
    </message>
    <message>
        <source>Enter the country (a code such as MX, or a name)</source>
        <translation>请输入国家（代码如 MX，或名称）</translation>
    </message>
    <message>
        <source>: use a code such as MX or the country&apos;s name</source>
        <translation>：请使用代码（如 MX）或国家名称</translation>
    </message>
    <message>
        <source>Unknown country “{text}”</source>
        <translation>未知国家“{text}”</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message>
        <source>Expected</source>
        <translation>应有</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>已找到</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Unexpected</source>
        <translation>意外</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Relocated</source>
        <translation>已转移</translation>
    </message>
</context>
<context>
    <name>DecisionView</name>
    <message>
        <source>end user {name} ({ref})</source>
        <translation>最终用户 {name} ({ref})</translation>
    </message>
    <message>
        <source>Select an order to see its decision and the rules behind it.</source>
        <translation>选择一个订单，查看其决定及所依据的规则。</translation>
    </message>
    <message>
        <source>Cancelled by {officer} on {time} UTC</source>
        <translation>由 {officer} 于 {time} UTC 取消</translation>
    </message>
    <message>
        <source> (no reason recorded)</source>
        <translation>（未记录原因）</translation>
    </message>
    <message>
        <source>audit entry #{seq}</source>
        <translation>审计条目 #{seq}</translation>
    </message>
    <message>
        <source>Preview, not recorded: a check now would decide &lt;b&gt;{outcome}&lt;/b&gt;. Press Check to record it.</source>
        <translation>预览，未记录：现在检查将决定为&lt;b&gt;{outcome}&lt;/b&gt;。按“检查”以记录。</translation>
    </message>
    <message>
        <source>Authorized under: &lt;b&gt;{routes}&lt;/b&gt;</source>
        <translation>授权依据：&lt;b&gt;{routes}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>a-level TPP {tpp} · destination Tier {tier} · ruleset {ruleset}</source>
        <translation>a 级 TPP {tpp} · 目的地层级 {tier} · 规则集 {ruleset}</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>订单行</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit TPP</source>
        <translation>单位 TPP</translation>
    </message>
    <message>
        <source>Line TPP</source>
        <translation>行 TPP</translation>
    </message>
    <message>
        <source>not controlled</source>
        <translation>不受管制</translation>
    </message>
    <message>
        <source>Findings ({count})</source>
        <translation>审查结论（{count}）</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Decision {id} (#{seq} for this order) by {officer} on {time} UTC under {ruleset}.&lt;br&gt;Content hash &lt;code&gt;{hash}…&lt;/code&gt;</source>
        <translation>决定 {id}（本订单第 #{seq} 项），由 {officer} 于 {time} UTC 依据 {ruleset} 作出。&lt;br&gt;内容哈希 &lt;code&gt;{hash}…&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Superseded decisions</source>
        <translation>已被取代的决定</translation>
    </message>
    <message>
        <source>quota released</source>
        <translation>配额已释放</translation>
    </message>
    <message>
        <source>no quota held</source>
        <translation>未占用配额</translation>
    </message>
    <message>
        <source>#{seq} {outcome} by {officer} on {time} UTC ({state})</source>
        <translation>#{seq} {outcome}，由 {officer} 于 {time} UTC 作出（{state}）</translation>
    </message>
    <message>
        <source>Red Flag 28</source>
        <translation>警示信号 28</translation>
    </message>
    <message>
        <source>Resolved by {officer} on {date}: {note}</source>
        <translation>由 {officer} 于 {date} 解决：{note}</translation>
    </message>
    <message>
        <source>Know-your-customer checklist</source>
        <translation>了解你的客户检查清单</translation>
    </message>
    <message>
        <source>Answered by {officer} on {date}: </source>
        <translation>由 {officer} 于 {date} 回答：</translation>
    </message>
    <message>
        <source>{count} red flag(s) raised.</source>
        <translation>发现 {count} 个警示信号。</translation>
    </message>
    <message>
        <source>no red flags raised.</source>
        <translation>未发现警示信号。</translation>
    </message>
    <message>
        <source>Shipments ({count})</source>
        <translation>发运（{count}）</translation>
    </message>
    <message>
        <source>&lt;b&gt;{shipment}&lt;/b&gt; shipped {date}: {what}</source>
        <translation>&lt;b&gt;{shipment}&lt;/b&gt; 于 {date} 发运：{what}</translation>
    </message>
    <message>
        <source>Serial numbers shipped on this order</source>
        <translation>本订单已发运的序列号</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>发运</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>发运日期</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
</context>
<context>
    <name>DeskDialog</name>
    <message>
        <source>Internal error</source>
        <translation>内部错误</translation>
    </message>
    <message>
        <source>Something went wrong inside Diffusion Desk. This is a bug, not something you did.</source>
        <translation>Diffusion Desk 内部出错。这是程序缺陷，并非您的操作所致。</translation>
    </message>
    <message>
        <source>The details were written to {file}.</source>
        <translation>详细信息已写入 {file}。</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>Write records in the CSV formats of the command line, ready to import elsewhere.</source>
        <translation>以命令行的 CSV 格式写出记录，可在其他地方导入。</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>记录：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>{path} is a folder: give a file name.</source>
        <translation>{path} 是一个文件夹：请给出文件名。</translation>
    </message>
    <message>
        <source>Writing {records} to {path}…</source>
        <translation>正在将{records}写入 {path}…</translation>
    </message>
    <message>
        <source>export {kind}</source>
        <translation>导出 {kind}</translation>
    </message>
    <message>
        <source>Not written: {error}</source>
        <translation>未写入：{error}</translation>
    </message>
    <message>
        <source>{count} row written to {path}.</source>
        <translation>已将 {count} 行写入 {path}。</translation>
    </message>
    <message>
        <source>{count} rows written to {path}.</source>
        <translation>已将 {count} 行写入 {path}。</translation>
    </message>
</context>
<context>
    <name>FieldAuditWindow</name>
    <message>
        <source>Field audit: {site} ({file})</source>
        <translation>现场审计：{site}（{file}）</translation>
    </message>
    <message>
        <source>Field audit at {site}</source>
        <translation>{site} 现场审计</translation>
    </message>
    <message>
        <source>{party} ({ref}) · kit from {desk}, exported {time} by {officer} · signature checked: desk key {key}</source>
        <translation>{party}（{ref}）· 审计包来自 {desk}，由 {officer} 于 {time} 导出 · 签名已核验：工作台密钥 {key}</translation>
    </message>
    <message>
        <source>the desk</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>扫描(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Reconciliation</source>
        <translation>核对(&amp;R)</translation>
    </message>
    <message>
        <source>Parties &amp;&amp; &amp;paperwork</source>
        <translation>当事方与文件(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;hotos</source>
        <translation>照片(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Checklist</source>
        <translation>检查清单(&amp;C)</translation>
    </message>
    <message>
        <source>Sign-&amp;off</source>
        <translation>签核(&amp;O)</translation>
    </message>
    <message>
        <source>Kit signed off</source>
        <translation>审计包已签核</translation>
    </message>
    <message>
        <source>Kit open</source>
        <translation>审计包进行中</translation>
    </message>
    <message>
        <source>{found} of {expected} found</source>
        <translation>已找到 {found} / {expected}</translation>
    </message>
    <message>
        <source>1 photo</source>
        <translation>1 张照片</translation>
    </message>
    <message>
        <source>{count} photos</source>
        <translation>{count} 张照片</translation>
    </message>
    <message>
        <source>{answered} of {items} checklist items answered</source>
        <translation>已回答 {answered} / {items} 项检查清单</translation>
    </message>
    <message>
        <source>A sign-off needs the auditor&apos;s and the site representative&apos;s names.</source>
        <translation>签核需要审计员和现场代表的姓名。</translation>
    </message>
    <message>
        <source>{count} checklist items are not answered: {items}</source>
        <translation>{count} 项检查清单未回答：{items}</translation>
    </message>
    <message>
        <source>Sign off the visit</source>
        <translation>签核本次访查</translation>
    </message>
    <message>
        <source>Sign off as {auditor} with {representative}? After the sign-off the kit takes no more serials, photos or answers.</source>
        <translation>以 {auditor} 的身份与 {representative} 一同签核？签核后审计包不再接受序列号、照片或回答。</translation>
    </message>
    <message>
        <source>This window cannot print PDFs (no renderer); use `kit report`.</source>
        <translation>此窗口无法打印 PDF（无渲染器）；请使用 `kit report`。</translation>
    </message>
    <message>
        <source>Save the visit report</source>
        <translation>保存访查报告</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>{file}: cannot write the report ({error}); choose another folder</source>
        <translation>{file}：无法写入报告（{error}）；请选择其他文件夹</translation>
    </message>
    <message>
        <source>Visit report saved: {file}</source>
        <translation>访查报告已保存：{file}</translation>
    </message>
    <message>
        <source>{file}: cannot read the file ({error})</source>
        <translation>{file}：无法读取文件（{error}）</translation>
    </message>
    <message>
        <source>Read serials from a file</source>
        <translation>从文件读取序列号</translation>
    </message>
    <message>
        <source>Serial lists (*.txt *.csv);;All files (*)</source>
        <translation>序列号列表 (*.txt *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Check a PDF found on site</source>
        <translation>核验在现场发现的 PDF</translation>
    </message>
    <message>
        <source>Add photos to the kit</source>
        <translation>向审计包添加照片</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.heic *.tif *.tiff);;All files (*)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.heic *.tif *.tiff);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>FigureBar</name>
    <message>
        <source>{used} of {limit} {unit} used · {left} left</source>
        <translation>已用 {used} / {limit} {unit} · 剩余 {left}</translation>
    </message>
    <message>
        <source>over by {over}</source>
        <translation>超出 {over}</translation>
    </message>
</context>
<context>
    <name>FindingCard</name>
    <message>
        <source>Decisive</source>
        <translation>决定性</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Finding code: {code} (as the record and the CSV keep it)</source>
        <translation>审查结论代码：{code}（记录和 CSV 中保存的形式）</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>enter a TPP figure (0 if none)</source>
        <translation>请输入 TPP 数值（无则填 0）</translation>
    </message>
    <message>
        <source>“{text}” is not a number</source>
        <translation>“{text}”不是数字</translation>
    </message>
    <message>
        <source>a TPP figure is a number of 0 or more</source>
        <translation>TPP 数值须为 0 或以上的数</translation>
    </message>
    <message>
        <source>{what}: {text} is not a number</source>
        <translation>{what}：{text} 不是数字</translation>
    </message>
    <message>
        <source>{what} must be more than 0</source>
        <translation>{what} 必须大于 0</translation>
    </message>
    <message>
        <source>{what} must be at least 0</source>
        <translation>{what} 不能小于 0</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Parties</source>
        <translation>当事方</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Certifications (AIA and LPP)</source>
        <translation>认证（AIA 和 LPP）</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>VEU footprints</source>
        <translation>VEU 覆盖范围</translation>
    </message>
    <message>
        <source>Country settings</source>
        <translation>国家设置</translation>
    </message>
    <message>
        <source>Ownership</source>
        <translation>所有权</translation>
    </message>
    <message>
        <source>Shipments (serial numbers)</source>
        <translation>发运（序列号）</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>(row)</source>
        <translation>（整行）</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>a problem in {where}</source>
        <translation>{where}有 1 个问题</translation>
    </message>
    <message>
        <source>{problems} in {where}</source>
        <translation>{where}有 {problems}</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>个问题</translation>
    </message>
    <message>
        <source>problems</source>
        <translation>个问题</translation>
    </message>
    <message>
        <source>this file was already imported</source>
        <translation>此文件已导入过</translation>
    </message>
    <message>
        <source> on {time} UTC</source>
        <translation>（{time} UTC）</translation>
    </message>
    <message>
        <source> by {officer}</source>
        <translation>，由 {officer} 导入</translation>
    </message>
    <message>
        <source> (same content): nothing to change</source>
        <translation>（内容相同）：无需更改</translation>
    </message>
    <message>
        <source>{rows} OK</source>
        <translation>{rows} 无误</translation>
    </message>
    <message>
        <source>new order</source>
        <translation>个新订单</translation>
    </message>
    <message>
        <source>new orders</source>
        <translation>个新订单</translation>
    </message>
    <message>
        <source>{count} new</source>
        <translation>新增 {count}</translation>
    </message>
    <message>
        <source>{count} updated</source>
        <translation>更新 {count}</translation>
    </message>
    <message>
        <source>{count} unchanged</source>
        <translation>未变 {count}</translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation>无需更改</translation>
    </message>
    <message>
        <source>Row {row}: {message}.</source>
        <translation>第 {row} 行：{message}。</translation>
    </message>
    <message>
        <source>… and {count} more.</source>
        <translation>……另有 {count} 条。</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <source>Import records in the CSV formats of the command line. The whole file is checked first; it is imported all or nothing.</source>
        <translation>以命令行的 CSV 格式导入记录。先检查整个文件；要么全部导入，要么全部不导入。</translation>
    </message>
    <message>
        <source>Choose a .csv file…</source>
        <translation>选择 .csv 文件…</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Choose the kind of records…</source>
        <translation>选择记录类型…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Check the whole file without writing anything</source>
        <translation>检查整个文件，不写入任何内容</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Import all</source>
        <translation>全部导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot read {path}: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <source>Preview: the first {count} rows</source>
        <translation>预览：前 {count} 行</translation>
    </message>
    <message>
        <source>Preview: the first row</source>
        <translation>预览：第一行</translation>
    </message>
    <message>
        <source>Preview: the file has no data rows</source>
        <translation>预览：文件没有数据行</translation>
    </message>
    <message>
        <source>Guessed from the header row; change it if it is wrong.</source>
        <translation>根据标题行推测；如有误请更改。</translation>
    </message>
    <message>
        <source>The header row matches no known format: choose the kind to see what is expected.</source>
        <translation>标题行与任何已知格式都不匹配：请选择类型以查看所需的列。</translation>
    </message>
    <message>
        <source>Columns: {columns}</source>
        <translation>列：{columns}</translation>
    </message>
    <message>
        <source>Choose the kind of records the file holds.</source>
        <translation>请选择文件所含记录的类型。</translation>
    </message>
    <message>
        <source>cannot read {path}: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>正在检查 {file}…</translation>
    </message>
    <message>
        <source>check {file}</source>
        <translation>检查 {file}</translation>
    </message>
    <message>
        <source>{label}: %v of %m</source>
        <translation>{label}：%v / %m</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <source>Not done: {error}</source>
        <translation>未完成：{error}</translation>
    </message>
    <message>
        <source>{problems}; nothing can be imported until it is fixed.</source>
        <translation>{problems}；修正之前无法导入任何内容。</translation>
    </message>
    <message>
        <source>{problems}; nothing can be imported until they are fixed.</source>
        <translation>{problems}；全部修正之前无法导入任何内容。</translation>
    </message>
    <message>
        <source>{problems}; nothing was imported.</source>
        <translation>{problems}；未导入任何内容。</translation>
    </message>
    <message>
        <source>Each is listed below with its row number (the header is row 1).</source>
        <translation>下方逐一列出，并附行号（标题行为第 1 行）。</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>已取消：未写入任何内容。</translation>
    </message>
    <message>
        <source>Nothing is written until you import.</source>
        <translation>导入之前不会写入任何内容。</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>已导入。</translation>
    </message>
    <message>
        <source>import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>正在导入 {file}…</translation>
    </message>
    <message>
        <source>import {file}</source>
        <translation>导入 {file}</translation>
    </message>
    <message>
        <source>Cancelling: nothing will be written…</source>
        <translation>正在取消：不会写入任何内容…</translation>
    </message>
</context>
<context>
    <name>LetterheadDialog</name>
    <message>
        <source>Letterhead and paper</source>
        <translation>信头和纸张</translation>
    </message>
    <message>
        <source>Every printed statement, record, notice and report carries this letterhead. Registered paper is refused until the exporter&apos;s name is set.</source>
        <translation>所有打印的声明、记录、通知和报告均带有此信头。未设置出口商名称之前，拒绝登记纸质文件。</translation>
    </message>
    <message>
        <source>Exporter&apos;s name</source>
        <translation>出口商名称</translation>
    </message>
    <message>
        <source>Your Company Inc.</source>
        <translation>贵公司名称</translation>
    </message>
    <message>
        <source>Exporter&apos;s address</source>
        <translation>出口商地址</translation>
    </message>
    <message>
        <source>One line of the address per line</source>
        <translation>每行一行地址</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>export.compliance@example.com · +1 555 0100</source>
        <translation>export.compliance@example.com · +86 10 5555 0100</translation>
    </message>
    <message>
        <source>Officer named on paper</source>
        <translation>纸面署名的合规官</translation>
    </message>
    <message>
        <source>Jane Doe, Export Compliance Officer</source>
        <translation>张三，出口合规官</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>纸张大小</translation>
    </message>
    <message>
        <source>&amp;Exporter:</source>
        <translation>出口商(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Contact:</source>
        <translation>联系方式(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Officer on paper:</source>
        <translation>纸面署名(&amp;O)：</translation>
    </message>
    <message>
        <source>Who issues documents, as paper names them; empty: no person.</source>
        <translation>签发文件的人员，按纸面署名；留空：不署个人姓名。</translation>
    </message>
    <message>
        <source>&amp;Paper size:</source>
        <translation>纸张大小(&amp;P)：</translation>
    </message>
    <message>
        <source>letterhead</source>
        <translation>信头</translation>
    </message>
    <message>
        <source>Not saved: {error}. Everything you typed is still here.</source>
        <translation>未保存：{error}。您输入的内容仍然保留。</translation>
    </message>
    <message>
        <source>give the exporter&apos;s name as it should head every document</source>
        <translation>请填写出口商名称，它将出现在每份文件的抬头</translation>
    </message>
    <message>
        <source>the address has {count} lines; at most {most}</source>
        <translation>地址有 {count} 行；最多 {most} 行</translation>
    </message>
    <message>
        <source>save letterhead</source>
        <translation>保存信头</translation>
    </message>
</context>
<context>
    <name>LimitBarChart</name>
    <message>
        <source>✕ over the limit</source>
        <translation>✕ 超出限额</translation>
    </message>
    <message>
        <source>■ limit reached</source>
        <translation>■ 已达限额</translation>
    </message>
    <message>
        <source>⚠ nearly used up</source>
        <translation>⚠ 即将用尽</translation>
    </message>
    <message>
        <source>Limit (100 %)</source>
        <translation>限额（100%）</translation>
    </message>
    <message>
        <source>{title}: nothing to show</source>
        <translation>{title}：无可显示内容</translation>
    </message>
    <message>
        <source>share of the limit</source>
        <translation>占限额比例</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Database: {database}</source>
        <translation>数据库：{database}</translation>
    </message>
    <message>
        <source>Officer: {officer}</source>
        <translation>合规官：{officer}</translation>
    </message>
    <message>
        <source>Ruleset {ruleset} · Not enforced by BIS since 2025-05-13: internal policy</source>
        <translation>规则集 {ruleset} · 自 2025-05-13 起 BIS 不再执行：内部政策</translation>
    </message>
    <message>
        <source>Ruleset {ruleset} (from {date})</source>
        <translation>规则集 {ruleset}（自 {date} 起）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>导入 CSV(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Back up database…</source>
        <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
        <source>Open a field-audit &amp;kit…</source>
        <translation>打开现场审计包(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Merge a signed-off kit…</source>
        <translation>合并已签核的审计包(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>About the &amp;rules model…</source>
        <translation>关于规则模型(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;About {product}</source>
        <translation>关于 {product}(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>The language changes the next time the desk starts.</source>
        <translation>语言将在下次启动工作台时更改。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>Diffusion Desk database (*.sqlite3)</source>
        <translation>Diffusion Desk 数据库 (*.sqlite3)</translation>
    </message>
    <message>
        <source>{path} already exists; choose a new file name for a new database.</source>
        <translation>{path} 已存在；请为新数据库选择一个新文件名。</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Diffusion Desk database (*.sqlite3);;All files (*)</source>
        <translation>Diffusion Desk 数据库 (*.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a field-audit kit</source>
        <translation>打开现场审计包</translation>
    </message>
    <message>
        <source>Field-audit kits (*.ddkit);;All files (*)</source>
        <translation>现场审计包 (*.ddkit);;所有文件 (*)</translation>
    </message>
    <message>
        <source>This desk cannot open field-audit kits.</source>
        <translation>此工作台无法打开现场审计包。</translation>
    </message>
    <message>
        <source>Merge a signed-off kit</source>
        <translation>合并已签核的审计包</translation>
    </message>
    <message>
        <source>Kit merged</source>
        <translation>审计包已合并</translation>
    </message>
    <message>
        <source>This desk cannot merge field-audit kits.</source>
        <translation>此工作台无法合并现场审计包。</translation>
    </message>
    <message>
        <source>{file} was already merged as visit {visit}; nothing changed.</source>
        <translation>{file} 已作为访查 {visit} 合并过；未作任何更改。</translation>
    </message>
    <message>
        <source>{file}: merged as visit {visit}, 0 discrepancies.</source>
        <translation>{file}：已作为访查 {visit} 合并，0 处差异。</translation>
    </message>
    <message>
        <source>{file}: merged as visit {visit}, {count} discrepancies. {party} is under review: its orders are held until the resolution is recorded (Parties › Field audits).</source>
        <translation>{file}：已作为访查 {visit} 合并，{count} 处差异。{party} 正在审查中：在记录处理结果之前，其订单被暂停（当事方 › 现场审计）。</translation>
    </message>
    <message>
        <source>Visit report {number} registered, verification code {code}: {file}</source>
        <translation>访查报告 {number} 已登记，验证码 {code}：{file}</translation>
    </message>
    <message>
        <source>Warning: {warning}</source>
        <translation>警告：{warning}</translation>
    </message>
    <message>
        <source>Back up database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>Backup written to {file}</source>
        <translation>备份已写入 {file}</translation>
    </message>
    <message>
        <source>About the rules model</source>
        <translation>关于规则模型</translation>
    </message>
    <message>
        <source>Ruleset {ruleset}, effective {date}</source>
        <translation>规则集 {ruleset}，生效日期 {date}</translation>
    </message>
    <message>
        <source>Work in progress</source>
        <translation>工作进行中</translation>
    </message>
    <message>
        <source>Still running: {jobs}. Stop it and quit? What is finished is already saved; nothing is left half-written.</source>
        <translation>仍在运行：{jobs}。停止并退出？已完成的部分均已保存；不会留下写了一半的内容。</translation>
    </message>
</context>
<context>
    <name>NewOrderDialog</name>
    <message>
        <source>Product ref or name</source>
        <translation>产品编号或名称</translation>
    </message>
    <message>
        <source>Remove this line (Ctrl+Delete in its fields)</source>
        <translation>删除此行（在其字段中按 Ctrl+Delete）</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <source>Loading parties and products…</source>
        <translation>正在加载当事方和产品…</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Order ref:</source>
        <translation>订单编号：</translation>
    </message>
    <message>
        <source>Ultimate consignee: ref or name</source>
        <translation>最终收货人：编号或名称</translation>
    </message>
    <message>
        <source>Consignee:</source>
        <translation>收货人：</translation>
    </message>
    <message>
        <source>Optional: a separate end user</source>
        <translation>可选：另外的最终用户</translation>
    </message>
    <message>
        <source>End user:</source>
        <translation>最终用户：</translation>
    </message>
    <message>
        <source>The consignee&apos;s location</source>
        <translation>收货人所在地</translation>
    </message>
    <message>
        <source>Destination:</source>
        <translation>目的地：</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>订单行</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>添加行</translation>
    </message>
    <message>
        <source>Add a line (Ctrl+L)</source>
        <translation>添加一行（Ctrl+L）</translation>
    </message>
    <message>
        <source>Live preview · a dry run: nothing is recorded until you save and check</source>
        <translation>实时预览 · 试运行：保存并检查之前不会记录任何内容</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save and check</source>
        <translation>保存并检查</translation>
    </message>
    <message>
        <source>Save the order and record the decision now (Ctrl+Shift+S)</source>
        <translation>保存订单并立即记录决定（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the order without deciding it (Ctrl+S or Enter)</source>
        <translation>保存订单但不作决定（Ctrl+S 或 Enter）</translation>
    </message>
    <message>
        <source>order form lookups</source>
        <translation>订单表单查询</translation>
    </message>
    <message>
        <source>The next free order number; you may type another ref.</source>
        <translation>下一个可用的订单号；您也可以输入其他编号。</translation>
    </message>
    <message>
        <source>Pick a consignee and a product to see what a check would say.</source>
        <translation>选择收货人和产品，查看检查的结果。</translation>
    </message>
    <message>
        <source>Could not read the parties and products: {error}</source>
        <translation>无法读取当事方和产品：{error}</translation>
    </message>
    <message>
        <source>Discard this order?</source>
        <translation>放弃此订单？</translation>
    </message>
    <message>
        <source>The order is not saved. Discard what you typed?</source>
        <translation>订单尚未保存。放弃您输入的内容？</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <source>unknown party {text}</source>
        <translation>未知当事方 {text}</translation>
    </message>
    <message>
        <source>HQ {country}</source>
        <translation>总部 {country}</translation>
    </message>
    <message>
        <source>Order ref is required</source>
        <translation>订单编号为必填项</translation>
    </message>
    <message>
        <source>Judged under ruleset {ruleset}</source>
        <translation>依据规则集 {ruleset} 判断</translation>
    </message>
    <message>
        <source>Consignee is required</source>
        <translation>收货人为必填项</translation>
    </message>
    <message>
        <source>The consignee&apos;s location: {country}</source>
        <translation>收货人所在地：{country}</translation>
    </message>
    <message>
        <source>Ships to the consignee&apos;s location, {country}</source>
        <translation>发往收货人所在地 {country}</translation>
    </message>
    <message>
        <source>unknown product</source>
        <translation>未知产品</translation>
    </message>
    <message>
        <source>pick a product</source>
        <translation>请选择产品</translation>
    </message>
    <message>
        <source>type a quantity</source>
        <translation>请输入数量</translation>
    </message>
    <message>
        <source>An order needs at least one line</source>
        <translation>订单至少需要一行</translation>
    </message>
    <message>
        <source>The preview waits until the fields marked in red are filled in.</source>
        <translation>红色标记的字段填写完整后才会显示预览。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>order preview</source>
        <translation>订单预览</translation>
    </message>
    <message>
        <source>Cannot judge this order yet: {problem}</source>
        <translation>暂时无法判断此订单：{problem}</translation>
    </message>
    <message>
        <source>order {ref} already exists; choose another ref</source>
        <translation>订单 {ref} 已存在；请选择其他编号</translation>
    </message>
    <message>
        <source>A check now would decide: {outcome}.</source>
        <translation>现在检查将决定为：{outcome}。</translation>
    </message>
    <message>
        <source>It may ship as it stands.</source>
        <translation>按现状可以发运。</translation>
    </message>
    <message>
        <source>It may not ship as it stands.</source>
        <translation>按现状不可发运。</translation>
    </message>
    <message>
        <source>The preview failed: {error}</source>
        <translation>预览失败：{error}</translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked in red.</source>
        <translation>未保存：请更正红色标记的字段。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>save order {ref}</source>
        <translation>保存订单 {ref}</translation>
    </message>
    <message>
        <source>Order {ref} was saved, but the check was refused: {error}</source>
        <translation>订单 {ref} 已保存，但检查被拒绝：{error}</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Consignee</source>
        <translation>收货人</translation>
    </message>
    <message>
        <source>Dest.</source>
        <translation>目的地</translation>
    </message>
    <message>
        <source>a-level TPP</source>
        <translation>a 级 TPP</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>No decision yet: check the order</source>
        <translation>尚无决定：请检查订单</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>export to {path} stopped: nothing was written</source>
        <translation>导出到 {path} 已停止：未写入任何内容</translation>
    </message>
    <message>
        <source>orders written</source>
        <translation>订单已写入</translation>
    </message>
    <message>
        <source>cannot write {path}: {error}. Choose another folder, or free space on the disk.</source>
        <translation>无法写入 {path}：{error}。请选择其他文件夹，或释放磁盘空间。</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <source>Pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>No licence required</source>
        <translation>无需许可证</translation>
    </message>
    <message>
        <source>Authorized</source>
        <translation>已授权</translation>
    </message>
    <message>
        <source>Licence required</source>
        <translation>需要许可证</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Prohibited</source>
        <translation>禁止</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Print the document (Ctrl+P)</source>
        <translation>打印文件（Ctrl+P）</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save the PDF exactly as registered (Ctrl+S)</source>
        <translation>按登记时的原样保存 PDF（Ctrl+S）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>This PDF could not be read; it cannot be previewed or printed.</source>
        <translation>无法读取此 PDF；无法预览或打印。</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>第 {page} 页，共 {count} 页</translation>
    </message>
    <message>
        <source>Print {title}</source>
        <translation>打印 {title}</translation>
    </message>
    <message>
        <source>The printer could not be started; nothing was printed.</source>
        <translation>无法启动打印机；未打印任何内容。</translation>
    </message>
    <message>
        <source>Sent 1 page to the printer.</source>
        <translation>已向打印机发送 1 页。</translation>
    </message>
    <message>
        <source>Sent {count} pages to the printer.</source>
        <translation>已向打印机发送 {count} 页。</translation>
    </message>
    <message>
        <source>Save document</source>
        <translation>保存文件</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>{path} is a folder: give a file name.</source>
        <translation>{path} 是一个文件夹：请给出文件名。</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>美国信纸</translation>
    </message>
</context>
<context>
    <name>PhotosPane</name>
    <message>
        <source>What the photos show</source>
        <translation>照片内容</translation>
    </message>
    <message>
        <source>What the photos show (kept with each photo)</source>
        <translation>照片内容（与每张照片一同保存）</translation>
    </message>
    <message>
        <source>&amp;Add photos…</source>
        <translation>添加照片(&amp;A)…</translation>
    </message>
    <message>
        <source>Photos kept in the kit</source>
        <translation>审计包中保存的照片</translation>
    </message>
    <message>
        <source>{name} ({size} bytes)</source>
        <translation>{name}（{size} 字节）</translation>
    </message>
</context>
<context>
    <name>QuantityEdit</name>
    <message>
        <source>type a quantity</source>
        <translation>请输入数量</translation>
    </message>
    <message>
        <source>a quantity is at least 1</source>
        <translation>数量至少为 1</translation>
    </message>
    <message>
        <source>“{typed}” is not a whole number of units</source>
        <translation>“{typed}”不是整数单位</translation>
    </message>
    <message>
        <source>“{typed}” is not a number: type digits only</source>
        <translation>“{typed}”不是数字：请只输入数字</translation>
    </message>
    <message>
        <source>{value} is more than {most}, the largest quantity</source>
        <translation>{value} 超过最大数量 {most}</translation>
    </message>
    <message>
        <source>Whole units, 1 to {most}; ↑ and ↓ add or take one</source>
        <translation>整数单位，1 至 {most}；↑ 和 ↓ 加一或减一</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
</context>
<context>
    <name>ReconciliationPane</name>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>unexpected</source>
        <translation>意外</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>relocated</source>
        <translation>已转移</translation>
    </message>
    <message>
        <source>shipped to this site, not found</source>
        <translation>已发往此现场，未找到</translation>
    </message>
    <message>
        <source>never shipped by the desk</source>
        <translation>工作台从未发运过</translation>
    </message>
    <message>
        <source>seen twice on site</source>
        <translation>在现场出现两次</translation>
    </message>
    <message>
        <source>shipped by the desk to {what}</source>
        <translation>工作台已发往 {what}</translation>
    </message>
    <message>
        <source>shipped to this party for {what}</source>
        <translation>已发给此当事方，用于 {what}</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Expected here</source>
        <translation>此处应有</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>已找到</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Expected against found, per product</source>
        <translation>按产品列出的应有与已找到数量</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Serials not found where expected</source>
        <translation>未在预期位置找到的序列号</translation>
    </message>
    <message>
        <source>Expected {expected} · found {found} · missing {missing} · unexpected {unexpected} · duplicate {duplicate} · relocated {relocated}.</source>
        <translation>应有 {expected} · 已找到 {found} · 缺失 {missing} · 意外 {unexpected} · 重复 {duplicate} · 已转移 {relocated}。</translation>
    </message>
    <message>
        <source>{count} discrepancies: the party goes under review when the kit is merged.</source>
        <translation>{count} 处差异：合并审计包时该当事方将进入审查。</translation>
    </message>
    <message>
        <source>No discrepancy so far.</source>
        <translation>目前没有差异。</translation>
    </message>
</context>
<context>
    <name>RecordsPane</name>
    <message>
        <source>Ref</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>HQ</source>
        <translation>总部</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Consignee</source>
        <translation>收货人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>签发日期</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>Verification code or document number of a paper</source>
        <translation>纸质文件的验证码或文件编号</translation>
    </message>
    <message>
        <source>Verification code or number printed on the paper</source>
        <translation>纸面上印的验证码或编号</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>核验(&amp;C)</translation>
    </message>
    <message>
        <source>Check a &amp;PDF file…</source>
        <translation>核验 PDF 文件(&amp;P)…</translation>
    </message>
    <message>
        <source>A paper found on site: type its code, or open its file.</source>
        <translation>在现场发现的纸质文件：输入其验证码，或打开其文件。</translation>
    </message>
    <message>
        <source>Verify a paper found on site</source>
        <translation>核验在现场发现的纸质文件</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事方</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Registered documents</source>
        <translation>已登记的文件</translation>
    </message>
    <message>
        <source>NOT VERIFIED: </source>
        <translation>未通过核验：</translation>
    </message>
</context>
<context>
    <name>RedFlagDialog</name>
    <message>
        <source>Red flags: order {ref}</source>
        <translation>警示信号：订单 {ref}</translation>
    </message>
    <message>
        <source>Order {ref}</source>
        <translation>订单 {ref}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Know-your-customer checklist</source>
        <translation>了解你的客户检查清单</translation>
    </message>
    <message>
        <source>Red flags from {source}. Tick each one you observed.</source>
        <translation>警示信号来自 {source}。请勾选您观察到的每一项。</translation>
    </message>
    <message>
        <source>Look at: {hint}</source>
        <translation>注意查看：{hint}</translation>
    </message>
    <message>
        <source>What you looked at, whom you asked, what you concluded…</source>
        <translation>您查看了什么、询问了谁、得出了什么结论…</translation>
    </message>
    <message>
        <source>Checklist note</source>
        <translation>检查清单备注</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Save checklist</source>
        <translation>保存检查清单</translation>
    </message>
    <message>
        <source>Red Flag 28: IaaS training for a customer outside Tier 1</source>
        <translation>警示信号 28：为第 1 层级以外的客户进行 IaaS 训练</translation>
    </message>
    <message>
        <source>How the flag was resolved: the model trained, for whom, where the compute stays, which statements are on file…</source>
        <translation>警示信号如何解决：训练的模型、为谁训练、算力位于何处、存档了哪些声明…</translation>
    </message>
    <message>
        <source>Resolved on:</source>
        <translation>解决日期：</translation>
    </message>
    <message>
        <source>Resolved by:</source>
        <translation>解决人：</translation>
    </message>
    <message>
        <source>How:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <source>Check the order again afterwards (releases the hold)</source>
        <translation>之后重新检查订单（解除暂停）</translation>
    </message>
    <message>
        <source>Record resolution</source>
        <translation>记录处理结果</translation>
    </message>
    <message>
        <source>Last answered by {officer} on {time} UTC ({kept}): {raised}.</source>
        <translation>最近由 {officer} 于 {time} UTC 回答（{kept}）：{raised}。</translation>
    </message>
    <message>
        <source>1 checklist kept</source>
        <translation>保存了 1 份检查清单</translation>
    </message>
    <message>
        <source>{count} checklists kept</source>
        <translation>保存了 {count} 份检查清单</translation>
    </message>
    <message>
        <source>Saving keeps a new checklist; earlier ones stay on record.</source>
        <translation>保存会新增一份检查清单；之前的清单仍保留在记录中。</translation>
    </message>
    <message>
        <source>From the party records: {reason}</source>
        <translation>来自当事方记录：{reason}</translation>
    </message>
    <message>
        <source>Latest recorded decision</source>
        <translation>最近记录的决定</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <source>&lt;b&gt;Resolved&lt;/b&gt; by {officer} on {date}: {note}</source>
        <translation>由 {officer} 于 {date} &lt;b&gt;解决&lt;/b&gt;：{note}</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;The order has not been checked since: check it again to release the hold.&lt;/b&gt;</source>
        <translation>&lt;br&gt;&lt;b&gt;此后订单尚未检查：请重新检查以解除暂停。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Record a new resolution</source>
        <translation>记录新的处理结果</translation>
    </message>
    <message>
        <source>Not done: {error}. Everything you entered is still here.</source>
        <translation>未完成：{error}。您输入的内容仍然保留。</translation>
    </message>
    <message>
        <source>No red flags ticked.</source>
        <translation>未勾选警示信号。</translation>
    </message>
    <message>
        <source>1 red flag ticked.</source>
        <translation>已勾选 1 个警示信号。</translation>
    </message>
    <message>
        <source>{count} red flags ticked.</source>
        <translation>已勾选 {count} 个警示信号。</translation>
    </message>
    <message>
        <source>1 red flag raised</source>
        <translation>发现 1 个警示信号</translation>
    </message>
    <message>
        <source>{count} red flags raised</source>
        <translation>发现 {count} 个警示信号</translation>
    </message>
    <message>
        <source>Saving the checklist…</source>
        <translation>正在保存检查清单…</translation>
    </message>
    <message>
        <source>checklist {ref}</source>
        <translation>检查清单 {ref}</translation>
    </message>
    <message>
        <source>Checklist saved with the order and in the audit log ({raised}).</source>
        <translation>检查清单已随订单保存并写入审计日志（{raised}）。</translation>
    </message>
    <message>
        <source>Last answered by {officer} just now: saving again keeps another checklist; earlier ones stay on record.</source>
        <translation>{officer} 刚刚回答：再次保存会新增一份检查清单；之前的清单仍保留在记录中。</translation>
    </message>
    <message>
        <source>The resolution cannot be dated in the future</source>
        <translation>处理结果的日期不能晚于今天</translation>
    </message>
    <message>
        <source>Name who resolved it</source>
        <translation>请填写解决人姓名</translation>
    </message>
    <message>
        <source>Describe how it was resolved: it is kept with the order and in the audit log</source>
        <translation>请描述解决方式：它将随订单保存并写入审计日志</translation>
    </message>
    <message>
        <source>Recording the resolution and checking the order again…</source>
        <translation>正在记录处理结果并重新检查订单…</translation>
    </message>
    <message>
        <source>Recording the resolution…</source>
        <translation>正在记录处理结果…</translation>
    </message>
    <message>
        <source>resolve red flag 28 {ref}</source>
        <translation>解决警示信号 28 {ref}</translation>
    </message>
    <message>
        <source>Resolution recorded with the order and in the audit log. Check the order again to release the hold.</source>
        <translation>处理结果已随订单记录并写入审计日志。请重新检查订单以解除暂停。</translation>
    </message>
    <message>
        <source>Resolution recorded, and the order checked again: &lt;b&gt;{outcome}&lt;/b&gt;.</source>
        <translation>处理结果已记录，订单已重新检查：&lt;b&gt;{outcome}&lt;/b&gt;。</translation>
    </message>
</context>
<context>
    <name>RefEdit</name>
    <message>
        <source>Type a name or ref…</source>
        <translation>输入名称或编号…</translation>
    </message>
    <message>
        <source>{text} names {count} records; pick one by its ref</source>
        <translation>{text} 对应 {count} 条记录；请按编号选择其中一条</translation>
    </message>
</context>
<context>
    <name>ScanPane</name>
    <message>
        <source>FOUND</source>
        <translation>已找到</translation>
    </message>
    <message>
        <source>MISSING</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>UNEXPECTED</source>
        <translation>意外</translation>
    </message>
    <message>
        <source>DUPLICATE</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>RELOCATED</source>
        <translation>已转移</translation>
    </message>
    <message>
        <source>found</source>
        <translation>已找到</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>unexpected</source>
        <translation>意外</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>relocated</source>
        <translation>已转移</translation>
    </message>
    <message>
        <source>never shipped to this party: shipped to {site}</source>
        <translation>从未发运给此当事方：发往 {site}</translation>
    </message>
    <message>
        <source>never shipped by the desk</source>
        <translation>工作台从未发运过</translation>
    </message>
    <message>
        <source>{product}, order {order}: shipped for {site}</source>
        <translation>{product}，订单 {order}：发往 {site}</translation>
    </message>
    <message>
        <source>{product}, order {order}: already seen on this visit</source>
        <translation>{product}，订单 {order}：本次访查中已扫描过</translation>
    </message>
    <message>
        <source>{product}, order {order}</source>
        <translation>{product}，订单 {order}</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Scan or type a serial and press Enter</source>
        <translation>扫描或输入序列号后按 Enter</translation>
    </message>
    <message>
        <source>Read serials from a &amp;file…</source>
        <translation>从文件读取序列号(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Beep when a serial is not found where expected</source>
        <translation>序列号不在预期位置时发出提示音(&amp;B)</translation>
    </message>
    <message>
        <source>Ready: scan the first serial.</source>
        <translation>就绪：请扫描第一个序列号。</translation>
    </message>
    <message>
        <source>Last serial</source>
        <translation>最近的序列号</translation>
    </message>
    <message>
        <source>Serials taken on this visit, newest first</source>
        <translation>本次访查记录的序列号，最新的在前</translation>
    </message>
    <message>
        <source>{count} serials read: </source>
        <translation>已读取 {count} 个序列号：</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Signed off: the kit takes no more serials</source>
        <translation>已签核：审计包不再接受序列号</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Search {what}…  (Ctrl+F)</source>
        <translation>搜索{what}…（Ctrl+F）</translation>
    </message>
    <message>
        <source>part of {what}</source>
        <translation>{what}的一部分</translation>
    </message>
    <message>
        <source>; case and accents do not matter (muller finds Müller). The list follows as you type.</source>
        <translation>；不区分大小写和重音（muller 可找到 Müller）。列表随输入即时更新。</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
</context>
<context>
    <name>SightingsModel</name>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>What the desk knows</source>
        <translation>工作台记录的信息</translation>
    </message>
</context>
<context>
    <name>SignOffPane</name>
    <message>
        <source>Auditor&apos;s name</source>
        <translation>审计员姓名</translation>
    </message>
    <message>
        <source>Site representative&apos;s name and title</source>
        <translation>现场代表的姓名和职务</translation>
    </message>
    <message>
        <source>Name, title</source>
        <translation>姓名，职务</translation>
    </message>
    <message>
        <source>&amp;Sign off the visit…</source>
        <translation>签核本次访查(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the visit &amp;report (PDF)…</source>
        <translation>保存访查报告(&amp;R)（PDF）…</translation>
    </message>
    <message>
        <source>&amp;Auditor</source>
        <translation>审计员(&amp;A)</translation>
    </message>
    <message>
        <source>Site &amp;representative</source>
        <translation>现场代表(&amp;R)</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>签核</translation>
    </message>
    <message>
        <source>The auditor and the site&apos;s representative sign off together. After the sign-off the kit takes nothing more: no serial, photo or answer. The visit report can then be printed here and signed; the desk registers it when the kit is merged.</source>
        <translation>审计员与现场代表共同签核。签核后审计包不再接受任何内容：序列号、照片或回答均不可再添加。之后可在此打印访查报告并签字；合并审计包时由工作台登记。</translation>
    </message>
    <message>
        <source>Signed off {time} by {auditor} and {representative}. The kit takes nothing more; back at the desk it is merged (kit merge).</source>
        <translation>{auditor} 与 {representative} 已于 {time} 签核。审计包不再接受任何内容；回到工作台后进行合并（kit merge）。</translation>
    </message>
    <message>
        <source>{count} discrepancies so far ({missing} missing, {unexpected} unexpected, {duplicate} duplicate).</source>
        <translation>目前 {count} 处差异（缺失 {missing}，意外 {unexpected}，重复 {duplicate}）。</translation>
    </message>
    <message>
        <source>Checklist items not answered: {items}.</source>
        <translation>未回答的检查清单项：{items}。</translation>
    </message>
</context>
<context>
    <name>UndoableChange</name>
    <message>
        <source>undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>{edit} of “{change}” was not done: {error}</source>
        <translation>“{change}”的{edit}未完成：{error}</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Diffusion Desk</source>
        <translation>欢迎使用 Diffusion Desk</translation>
    </message>
    <message>
        <source>The database &lt;b&gt;{database}&lt;/b&gt; is empty. How would you like to start?</source>
        <translation>数据库 &lt;b&gt;{database}&lt;/b&gt; 为空。您想如何开始？</translation>
    </message>
    <message>
        <source>Ruleset in effect today: &lt;b&gt;{ruleset}&lt;/b&gt;.</source>
        <translation>今日生效的规则集：&lt;b&gt;{ruleset}&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Load the demonstration data</source>
        <translation>加载演示数据</translation>
    </message>
    <message>
        <source>About forty invented customers, the reference chips and servers, certifications, licences and a few hundred orders, checked straight away so every outcome shows.</source>
        <translation>约四十个虚构客户、参考芯片和服务器、认证、许可证以及数百个订单，加载后立即检查，以显示各种结果。</translation>
    </message>
    <message>
        <source>Import a CSV file…</source>
        <translation>导入 CSV 文件…</translation>
    </message>
    <message>
        <source>Parties, products, certifications, licences or orders from your own records.</source>
        <translation>来自您自己记录的当事方、产品、认证、许可证或订单。</translation>
    </message>
    <message>
        <source>Start with an empty database</source>
        <translation>从空数据库开始</translation>
    </message>
    <message>
        <source>Enter parties, products and orders yourself.</source>
        <translation>自行录入当事方、产品和订单。</translation>
    </message>
    <message>
        <source>Stop checking</source>
        <translation>停止检查</translation>
    </message>
    <message>
        <source>Stop after the current order; the rest stay pending for Check all pending</source>
        <translation>在当前订单后停止；其余订单保持待定，可用“检查所有待定订单”处理</translation>
    </message>
    <message>
        <source>Loading the demonstration data…</source>
        <translation>正在加载演示数据…</translation>
    </message>
    <message>
        <source>load demonstration data</source>
        <translation>加载演示数据</translation>
    </message>
    <message>
        <source>%v of %m orders checked</source>
        <translation>已检查 %v / %m 个订单</translation>
    </message>
    <message>
        <source>Checking the orders so their decisions show… {progress}</source>
        <translation>正在检查订单以显示其决定… {progress}</translation>
    </message>
    <message>
        <source>Stopping after the current order…</source>
        <translation>将在当前订单后停止…</translation>
    </message>
    <message>
        <source>Not loaded: {error}</source>
        <translation>未加载：{error}</translation>
    </message>
</context>
</TS>
