<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AiaDialog</name>
    <message>
        <source>Record AIA certification</source>
        <translation>记录 AIA 认证</translation>
    </message>
    <message>
        <source>Record BIS submission of an AIA certification</source>
        <translation>记录 AIA 认证已提交给 BIS</translation>
    </message>
    <message>
        <source>Revoke an AIA certification</source>
        <translation>撤销 AIA 认证</translation>
    </message>
    <message>
        <source>Jane Doe, Chief Compliance Officer
John Roe, CEO</source>
        <translation>张三，首席合规官
李四，首席执行官</translation>
    </message>
    <message>
        <source>The consignee attests that model weights are stored securely</source>
        <translation>收货人证明模型权重已安全存储</translation>
    </message>
    <message>
        <source>Submitted to BIS on</source>
        <translation>提交给 BIS 的日期</translation>
    </message>
    <message>
        <source>Revoked on</source>
        <translation>撤销日期</translation>
    </message>
    <message>
        <source>Ultimate consignee:</source>
        <translation>最终收货人：</translation>
    </message>
    <message>
        <source>Signed on:</source>
        <translation>签署日期：</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>签署人：</translation>
    </message>
    <message>
        <source>One person per line: name and title (item (v) of the certification).</source>
        <translation>每行一人：姓名和职务（认证第 (v) 项）。</translation>
    </message>
    <message>
        <source>Weights storage:</source>
        <translation>权重存储：</translation>
    </message>
    <message>
        <source>As {reference} require; needed for model weights under AIA.</source>
        <translation>依 {reference} 的要求；AIA 项下的模型权重需要此项。</translation>
    </message>
    <message>
        <source>BIS submission:</source>
        <translation>向 BIS 提交：</translation>
    </message>
    <message>
        <source>Needed once cumulative AIA shipments reach {threshold} TPP ({reference}).</source>
        <translation>AIA 累计装运量达到 {threshold} TPP 时需要提交（{reference}）。</translation>
    </message>
    <message>
        <source>Revocation:</source>
        <translation>撤销：</translation>
    </message>
    <message>
        <source>Certification wording</source>
        <translation>认证措辞</translation>
    </message>
    <message>
        <source>What the consignee certifies:</source>
        <translation>收货人证明的内容：</translation>
    </message>
    <message>
        <source>Record the day the certification was submitted to BIS. Orders held for a missing submission pass once they are checked again.</source>
        <translation>记录认证提交给 BIS 的日期。因缺少提交而暂扣的订单在重新检查后即可放行。</translation>
    </message>
    <message>
        <source>From the revocation date the certification no longer covers AIA shipments.</source>
        <translation>自撤销日期起，该认证不再涵盖 AIA 装运。</translation>
    </message>
    <message>
        <source>The ultimate consignee&apos;s one-time certification before its first AIA shipment ({reference}). Orders held for a missing certification pass once they are checked again.</source>
        <translation>最终收货人在首次 AIA 装运前出具的一次性认证（{reference}）。因缺少认证而暂扣的订单在重新检查后即可放行。</translation>
    </message>
    <message>
        <source>Choose the consignee from the list</source>
        <translation>请从列表中选择收货人</translation>
    </message>
    <message>
        <source>Choose the ultimate consignee</source>
        <translation>请选择最终收货人</translation>
    </message>
    <message>
        <source>Name at least one person who signed</source>
        <translation>请至少填写一名签署人</translation>
    </message>
    <message>
        <source>The submission cannot be before the signing date</source>
        <translation>提交日期不能早于签署日期</translation>
    </message>
    <message>
        <source>The revocation cannot be before the signing date</source>
        <translation>撤销日期不能早于签署日期</translation>
    </message>
    <message>
        <source>Give the revocation date</source>
        <translation>请填写撤销日期</translation>
    </message>
    <message>
        <source>Give the submission date</source>
        <translation>请填写提交日期</translation>
    </message>
    <message>
        <source>Replaces the certification this consignee signed on the same day (saving updates it)</source>
        <translation>将替换该收货人同一天签署的认证（保存即更新）</translation>
    </message>
    <message>
        <source>Record AIA certification of {ref} (signed {date})</source>
        <translation>记录 {ref} 的 AIA 认证（签署于 {date}）</translation>
    </message>
    <message>
        <source>Record BIS submission of {ref} (signed {date})</source>
        <translation>记录 {ref} 的认证已提交给 BIS（签署于 {date}）</translation>
    </message>
    <message>
        <source>Revoke AIA certification of {ref} (signed {date})</source>
        <translation>撤销 {ref} 的 AIA 认证（签署于 {date}）</translation>
    </message>
</context>
<context>
    <name>AiaStatementDialog</name>
    <message>
        <source>New AIA certification statement</source>
        <translation>新建 AIA 认证声明</translation>
    </message>
    <message>
        <source>Listing the consignees that can certify…</source>
        <translation>正在列出可出具证明的收货人…</translation>
    </message>
    <message>
        <source>Choose the consignee: its items and ECCNs are filled in</source>
        <translation>选择收货人：其物项和 ECCN 将自动填入</translation>
    </message>
    <message>
        <source>Jane Doe, Chief Compliance Officer
(leave empty for blank lines to fill in by hand)</source>
        <translation>张三，首席合规官
（留空则留出空行供手写填写）</translation>
    </message>
    <message>
        <source>Ultimate consignee:</source>
        <translation>最终收货人：</translation>
    </message>
    <message>
        <source>Located and headquartered in Tier 1, with its ultimate parent headquartered in Tier 1. “due”: it has open orders for AIA items and no certification in force.</source>
        <translation>所在地和总部均位于第 1 层级，且其最终母公司总部也位于第 1 层级。“应出具”：有 AIA 物项的未结订单且没有有效的认证。</translation>
    </message>
    <message>
        <source>Statement date:</source>
        <translation>声明日期：</translation>
    </message>
    <message>
        <source>The certification wording in effect that day.</source>
        <translation>采用当天有效的认证措辞。</translation>
    </message>
    <message>
        <source>Items:</source>
        <translation>物项：</translation>
    </message>
    <message>
        <source>General description and ECCNs as the statement prints them; edit before printing.</source>
        <translation>声明中打印的一般描述和 ECCN；打印前可编辑。</translation>
    </message>
    <message>
        <source>Add the model-weight storage attestation</source>
        <translation>添加模型权重存储证明</translation>
    </message>
    <message>
        <source>The exporter&apos;s form by which the consignee attests storage under Supp. No. 10 to Part 748 ¶¶ 14, 15, 18; always added when the items include 4E091 model weights.</source>
        <translation>出口商用于让收货人证明按《第 748 部分补编第 10 号》第 14、15、18 段存储的表格；物项包含 4E091 模型权重时始终附上。</translation>
    </message>
    <message>
        <source>Signers:</source>
        <translation>签署人：</translation>
    </message>
    <message>
        <source>One person per line: name, title.</source>
        <translation>每行一人：姓名、职务。</translation>
    </message>
    <message>
        <source>What the consignee will certify:</source>
        <translation>收货人将证明的内容：</translation>
    </message>
    <message>
        <source>Certification wording</source>
        <translation>认证措辞</translation>
    </message>
    <message>
        <source>The statement the consignee signs before its first AIA shipment. When the signed copy comes back, record its return on the Documents screen: orders held for a missing certification pass when checked again.</source>
        <translation>收货人在首次 AIA 装运前签署的声明。签字副本返回后，请在“文件”页面记录其返回：因缺少认证而暂扣的订单在重新检查后即可放行。</translation>
    </message>
    <message>
        <source> — due</source>
        <translation> — 应出具</translation>
    </message>
    <message>
        <source>Type a name or ref…</source>
        <translation>输入名称或编号…</translation>
    </message>
    <message>
        <source>No consignee can sign an AIA statement: none is located and headquartered in Tier 1 with its ultimate parent in Tier 1 under the ruleset in effect.</source>
        <translation>没有收货人可以签署 AIA 声明：依据当前有效的规则集，没有所在地和总部均位于第 1 层级且最终母公司也位于第 1 层级的收货人。</translation>
    </message>
    <message>
        <source>Computed from its orders: ECCNs {eccns}</source>
        <translation>根据其订单计算：ECCN {eccns}</translation>
    </message>
    <message>
        <source>Choose the consignee from the list</source>
        <translation>请从列表中选择收货人</translation>
    </message>
    <message>
        <source>Choose the ultimate consignee</source>
        <translation>请选择最终收货人</translation>
    </message>
    <message>
        <source>Describe the items (their general description and ECCNs)</source>
        <translation>请描述物项（其一般描述和 ECCN）</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>All records</source>
        <translation>所有记录</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Order imports</source>
        <translation>订单导入</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事方</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>AIA certifications</source>
        <translation>AIA 认证</translation>
    </message>
    <message>
        <source>LPP certifications</source>
        <translation>LPP 认证</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>VEU footprints</source>
        <translation>VEU 部署规模</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>已决定</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>KYC checklist</source>
        <translation>KYC 核对清单</translation>
    </message>
    <message>
        <source>Red Flag 28 resolved</source>
        <translation>第 28 号警示信号已处理</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>已生成</translation>
    </message>
    <message>
        <source>Signed copy returned</source>
        <translation>签字副本已返回</translation>
    </message>
    <message>
        <source>Undone (Edit &gt; Undo)</source>
        <translation>已撤销操作（编辑 &gt; 撤销）</translation>
    </message>
    <message>
        <source>Redone (Edit &gt; Redo)</source>
        <translation>已重做（编辑 &gt; 重做）</translation>
    </message>
    <message>
        <source>Screening match decided</source>
        <translation>筛查匹配已决定</translation>
    </message>
    <message>
        <source>Cleared match approved (second officer)</source>
        <translation>排除匹配已获批准（第二名合规官）</translation>
    </message>
    <message>
        <source>Field-audit kit exported</source>
        <translation>现场审计包已导出</translation>
    </message>
    <message>
        <source>Field-audit kit merged back</source>
        <translation>现场审计包已合并回来</translation>
    </message>
    <message>
        <source>Field-audit discrepancies resolved</source>
        <translation>现场审计差异已处理</translation>
    </message>
    <message>
        <source>Records sealed</source>
        <translation>记录已封存</translation>
    </message>
    <message>
        <source>party</source>
        <translation>当事方</translation>
    </message>
    <message>
        <source>product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>AIA certification</source>
        <translation>AIA 认证</translation>
    </message>
    <message>
        <source>LPP certification</source>
        <translation>LPP 认证</translation>
    </message>
    <message>
        <source>licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>VEU footprint</source>
        <translation>VEU 部署规模</translation>
    </message>
    <message>
        <source>country setting</source>
        <translation>国家设置</translation>
    </message>
    <message>
        <source>owners</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>restricted-party list</source>
        <translation>受限方名单</translation>
    </message>
    <message>
        <source>field-audit kit</source>
        <translation>现场审计包</translation>
    </message>
    <message>
        <source>field-audit visit</source>
        <translation>现场审计访查</translation>
    </message>
    <message>
        <source>parties</source>
        <translation>当事方</translation>
    </message>
    <message>
        <source>products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>certifications</source>
        <translation>认证</translation>
    </message>
    <message>
        <source>licences</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>country settings</source>
        <translation>国家设置</translation>
    </message>
    <message>
        <source>ownership</source>
        <translation>所有权</translation>
    </message>
    <message>
        <source>shipped units</source>
        <translation>已发运单元</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Verify the record</source>
        <translation>验证记录</translation>
    </message>
    <message>
        <source>Walk the hash chain of the audit log and check every decision and ledger entry against it (EAR § 762.5(b)(4)). Ctrl+Shift+V</source>
        <translation>遍历审计日志的哈希链，并据此核对每项决定和台账条目（EAR § 762.5(b)(4)）。Ctrl+Shift+V</translation>
    </message>
    <message>
        <source>Verify checks that no entry, decision or ledger row was changed after it was written.</source>
        <translation>验证会检查任何条目、决定或台账行在写入后均未被更改。</translation>
    </message>
    <message>
        <source>record refs, actions and officers</source>
        <translation>记录编号、操作和合规官</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>合规官</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Select an entry to see what it changed.</source>
        <translation>选择一个条目以查看其更改内容。</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>之后</translation>
    </message>
    <message>
        <source>{title} (JSON)</source>
        <translation>{title}（JSON）</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 个条目</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>{count} 个条目</translation>
    </message>
    <message>
        <source>Entry {seq}: loading…</source>
        <translation>条目 {seq}：正在加载…</translation>
    </message>
    <message>
        <source>Entry {seq} · {when} UTC · </source>
        <translation>条目 {seq} · {when} UTC · </translation>
    </message>
    <message>
        <source>hash       {hash}
prev hash  {prev_hash}</source>
        <translation>哈希       {hash}
前一哈希   {prev_hash}</translation>
    </message>
    <message>
        <source>Verifying the audit chain, decisions and ledgers…</source>
        <translation>正在验证审计链、决定和台账…</translation>
    </message>
    <message>
        <source>Could not verify: {reason}</source>
        <translation>无法验证：{reason}</translation>
    </message>
    <message>
        <source>✓ Intact: {entries} entries, {decisions} decisions, {records} records, {anchors} anchors outside the database. Head hash {hash}…</source>
        <translation>✓ 完好：{entries} 个条目、{decisions} 项决定、{records} 条记录、{anchors} 个数据库外锚点。头部哈希 {hash}…</translation>
    </message>
    <message>
        <source>✕ Broken: {what}. Checked {entries} entries up to there.</source>
        <translation>✕ 已损坏：{what}。已检查到该处之前的 {entries} 个条目。</translation>
    </message>
    <message>
        <source>✕ Broken: {what}. The audit chain itself ({entries} entries) is intact.</source>
        <translation>✕ 已损坏：{what}。审计链本身（{entries} 个条目）完好。</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>When (UTC)</source>
        <translation>时间 (UTC)</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>合规官</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>哈希</translation>
    </message>
    <message>
        <source>1 record</source>
        <translation>1 条记录</translation>
    </message>
    <message>
        <source>{count} records</source>
        <translation>{count} 条记录</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>Generate a batch</source>
        <translation>批量生成</translation>
    </message>
    <message>
        <source>Every AIA statement due</source>
        <translation>所有应出具的 AIA 声明</translation>
    </message>
    <message>
        <source>A statement for each Tier 1 consignee with open orders and no certification in force on the day</source>
        <translation>为当天有未结订单且没有有效认证的每个第 1 层级收货人出具一份声明</translation>
    </message>
    <message>
        <source>Every decision record of the day</source>
        <translation>当天的所有决定记录</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Save the PDFs in:</source>
        <translation>PDF 保存位置：</translation>
    </message>
    <message>
        <source>Each document is registered as it is generated. Stop ends the batch after the current document; the ones already made stay registered and saved.</source>
        <translation>每份文件在生成时即登记。“停止”会在当前文件完成后结束批处理；已生成的文件保持登记并已保存。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Folder for the batch</source>
        <translation>批处理的文件夹</translation>
    </message>
    <message>
        <source>Give the folder the PDF files go to.</source>
        <translation>请指定 PDF 文件保存的文件夹。</translation>
    </message>
    <message>
        <source>{folder} is a file: give a folder.</source>
        <translation>{folder} 是一个文件：请指定文件夹。</translation>
    </message>
</context>
<context>
    <name>ClassificationPanel</name>
    <message>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>TPP per IC</source>
        <translation>单个集成电路的 TPP</translation>
    </message>
    <message>
        <source>Performance density</source>
        <translation>性能密度</translation>
    </message>
    <message>
        <source>TPP per unit</source>
        <translation>每单元 TPP</translation>
    </message>
    <message>
        <source>Cannot classify yet</source>
        <translation>暂时无法分类</translation>
    </message>
    <message>
        <source>Not controlled</source>
        <translation>不受管制</translation>
    </message>
    <message>
        <source>Why: {reason}</source>
        <translation>理由：{reason}</translation>
    </message>
    <message>
        <source>no die area given</source>
        <translation>未提供芯片面积</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <source>Party</source>
        <translation>当事方</translation>
    </message>
    <message>
        <source>List entry</source>
        <translation>名单条目</translation>
    </message>
    <message>
        <source>The party&apos;s record</source>
        <translation>当事方的记录</translation>
    </message>
    <message>
        <source>The list entry</source>
        <translation>名单条目</translation>
    </message>
    <message>
        <source>Score and explanation</source>
        <translation>得分及说明</translation>
    </message>
    <message>
        <source>Legend of the marks</source>
        <translation>标记图例</translation>
    </message>
    <message>
        <source>Select a potential match to compare the party with the list entry.</source>
        <translation>选择一个潜在匹配，将当事方与名单条目进行比较。</translation>
    </message>
    <message>
        <source>Party {ref}</source>
        <translation>当事方 {ref}</translation>
    </message>
    <message>
        <source>List entry {id}</source>
        <translation>名单条目 {id}</translation>
    </message>
    <message>
        <source>No word met exactly, fuzzily or transliterated.</source>
        <translation>没有词语完全匹配、模糊匹配或经音译匹配。</translation>
    </message>
    <message>
        <source>Score {score} · {countries}.</source>
        <translation>得分 {score} · {countries}。</translation>
    </message>
</context>
<context>
    <name>CountryDialog</name>
    <message>
        <source>Country allocation setting</source>
        <translation>国家分配额设置</translation>
    </message>
    <message>
        <source>Government-to-government agreement (allocation × {factor})</source>
        <translation>政府间协议（分配额 × {factor}）</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>国家：</translation>
    </message>
    <message>
        <source>Agreement:</source>
        <translation>协议：</translation>
    </message>
    <message>
        <source>Used by others (TPP):</source>
        <translation>他方已用 (TPP)：</translation>
    </message>
    <message>
        <source>Allocation other exporters reported using; our licensed shipments are added from the ledger.</source>
        <translation>其他出口商报告使用的分配额；我方经许可的装运量从台账中累加。</translation>
    </message>
    <message>
        <source>Tier 2 countries share an allocation of {tpp} TPP for licensed a-level shipments from {start} to {end}.</source>
        <translation>第 2 层级国家共享 {tpp} TPP 的分配额，用于 {start} 至 {end} 期间经许可的 a 级装运。</translation>
    </message>
    <message>
        <source>{country} is in Tier {tier} today: the allocation binds Tier 2 destinations only (the setting is kept for later versions)</source>
        <translation>{country} 目前属于第 {tier} 层级：分配额仅约束第 2 层级目的地（该设置将保留供以后的版本使用）</translation>
    </message>
    <message>
        <source>Set allocation setting of {country}</source>
        <translation>设置 {country} 的分配额设置</translation>
    </message>
</context>
<context>
    <name>DocumentDetail</name>
    <message>
        <source>Select a document to see what the registry holds for it.</source>
        <translation>选择一份文件以查看登记簿中关于它的记录。</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Signed copy returned…</source>
        <translation>已返回签字副本…</translation>
    </message>
    <message>
        <source>Check standing</source>
        <translation>检查状况</translation>
    </message>
    <message>
        <source>Verify this document&apos;s code: what it stands for today</source>
        <translation>验证此文件的代码：它目前代表什么</translation>
    </message>
    <message>
        <source>The registry keeps each document&apos;s fingerprint, not its file: open a saved copy, or generate the document again to print it.</source>
        <translation>登记簿保存每份文件的指纹，而不是文件本身：请打开已保存的副本，或重新生成该文件以打印。</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事方</translation>
    </message>
    <message>
        <source>Order / year</source>
        <translation>订单 / 年份</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>已生成</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Signed copy</source>
        <translation>签字副本</translation>
    </message>
</context>
<context>
    <name>DocumentTexts</name>
    <message>
        <source>AIA statement</source>
        <translation>AIA 声明</translation>
    </message>
    <message>
        <source>LPP certification</source>
        <translation>LPP 认证</translation>
    </message>
    <message>
        <source>Decision record</source>
        <translation>决定记录</translation>
    </message>
    <message>
        <source>Shipment notice</source>
        <translation>装运通知</translation>
    </message>
    <message>
        <source>Quota report</source>
        <translation>配额报告</translation>
    </message>
    <message>
        <source>1 document</source>
        <translation>1 份文件</translation>
    </message>
    <message>
        <source>{count} documents</source>
        <translation>{count} 份文件</translation>
    </message>
    <message>
        <source>… Awaiting</source>
        <translation>… 等待中</translation>
    </message>
    <message>
        <source>✓ Signed {date}</source>
        <translation>✓ 已签署 {date}</translation>
    </message>
    <message>
        <source>✕ Not genuine</source>
        <translation>✕ 非真实文件</translation>
    </message>
    <message>
        <source>⚠ Genuine, but the certification was later revoked</source>
        <translation>⚠ 真实，但该认证后来已被撤销</translation>
    </message>
    <message>
        <source>⚠ Genuine, but superseded since</source>
        <translation>⚠ 真实，但此后已被取代</translation>
    </message>
    <message>
        <source>✓ Genuine and current</source>
        <translation>✓ 真实且为最新</translation>
    </message>
    <message>
        <source>✓ Genuine</source>
        <translation>✓ 真实</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事方</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>已生成</translation>
    </message>
    <message>
        <source>{when} by {officer}</source>
        <translation>{when}，由 {officer} 生成</translation>
    </message>
    <message>
        <source>Ruleset</source>
        <translation>规则集</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>Content hash</source>
        <translation>内容哈希</translation>
    </message>
    <message>
        <source>Signed copy</source>
        <translation>签字副本</translation>
    </message>
    <message>
        <source>… not returned yet</source>
        <translation>… 尚未返回</translation>
    </message>
    <message>
        <source>✓ returned, signed {date}</source>
        <translation>✓ 已返回，签署于 {date}</translation>
    </message>
    <message>
        <source>Nothing to generate: no AIA statement is due.</source>
        <translation>无需生成：没有应出具的 AIA 声明。</translation>
    </message>
    <message>
        <source>Nothing to generate: no order was decided.</source>
        <translation>无需生成：没有已作出决定的订单。</translation>
    </message>
    <message>
        <source>Nothing to generate: no AIA statement is due on {day}.</source>
        <translation>无需生成：{day} 没有应出具的 AIA 声明。</translation>
    </message>
    <message>
        <source>Nothing to generate: no order was decided on {day}.</source>
        <translation>无需生成：{day} 没有已作出决定的订单。</translation>
    </message>
    <message>
        <source>Stopped: {made} of {total} AIA statements generated</source>
        <translation>已停止：已生成 {made} / {total} 份 AIA 声明</translation>
    </message>
    <message>
        <source>Done: {made} of {total} AIA statements generated</source>
        <translation>完成：已生成 {made} / {total} 份 AIA 声明</translation>
    </message>
    <message>
        <source>Stopped: {made} of {total} decision records generated</source>
        <translation>已停止：已生成 {made} / {total} 份决定记录</translation>
    </message>
    <message>
        <source>Done: {made} of {total} decision records generated</source>
        <translation>完成：已生成 {made} / {total} 份决定记录</translation>
    </message>
    <message>
        <source>, saved in {folder}</source>
        <translation>，保存在 {folder}</translation>
    </message>
    <message>
        <source>; {count} could not be generated</source>
        <translation>；{count} 份无法生成</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>New AIA statement…</source>
        <translation>新建 AIA 声明…</translation>
    </message>
    <message>
        <source>The AIA certification statement for a Tier 1 consignee to sign</source>
        <translation>供第 1 层级收货人签署的 AIA 认证声明</translation>
    </message>
    <message>
        <source>New LPP certification…</source>
        <translation>新建 LPP 认证…</translation>
    </message>
    <message>
        <source>The LPP certification for a consignee and calendar year</source>
        <translation>某收货人某一日历年的 LPP 认证</translation>
    </message>
    <message>
        <source>Decision record for order…</source>
        <translation>订单的决定记录…</translation>
    </message>
    <message>
        <source>The record of an order&apos;s decision, to file with the shipment papers</source>
        <translation>订单决定的记录，随装运文件一起归档</translation>
    </message>
    <message>
        <source>Shipment notice…</source>
        <translation>装运通知…</translation>
    </message>
    <message>
        <source>The AIA shipment notice for an order</source>
        <translation>订单的 AIA 装运通知</translation>
    </message>
    <message>
        <source>Quota report</source>
        <translation>配额报告</translation>
    </message>
    <message>
        <source>Country allocations, LPP use, NVEU and UVEU against their limits, as of today</source>
        <translation>截至今天，各国分配额、LPP 使用量、NVEU 和 UVEU 与其限额的对比</translation>
    </message>
    <message>
        <source>Batch…</source>
        <translation>批处理…</translation>
    </message>
    <message>
        <source>Every AIA statement due, or every decision record of a day, into a folder</source>
        <translation>将所有应出具的 AIA 声明或某一天的所有决定记录生成到一个文件夹</translation>
    </message>
    <message>
        <source>Verify…</source>
        <translation>验证…</translation>
    </message>
    <message>
        <source>Check a PDF file or a code typed from paper against the registry</source>
        <translation>根据登记簿核对 PDF 文件或从纸质文件上输入的代码</translation>
    </message>
    <message>
        <source>Signed copy returned…</source>
        <translation>已返回签字副本…</translation>
    </message>
    <message>
        <source>Record the return of the selected statement&apos;s signed copy</source>
        <translation>记录所选声明的签字副本已返回</translation>
    </message>
    <message>
        <source>Letterhead…</source>
        <translation>信头…</translation>
    </message>
    <message>
        <source>The exporter&apos;s letterhead, paper size and the officer named on paper</source>
        <translation>出口商信头、纸张尺寸以及纸面上署名的合规官</translation>
    </message>
    <message>
        <source>No PDF renderer is set up in this window</source>
        <translation>此窗口未设置 PDF 渲染器</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>part of a document&apos;s number, title, party, order, code or author</source>
        <translation>文件编号、标题、当事方、订单、代码或作者的一部分</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <source>Awaiting signed copy</source>
        <translation>等待签字副本</translation>
    </message>
    <message>
        <source>%v of %m documents</source>
        <translation>%v / %m 份文件</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>The exporter&apos;s letterhead is not set, so no document can be registered yet. &lt;a href=&apos;letterhead&apos;&gt;Set the letterhead…&lt;/a&gt;</source>
        <translation>尚未设置出口商信头，因此还不能登记任何文件。&lt;a href=&apos;letterhead&apos;&gt;设置信头…&lt;/a&gt;</translation>
    </message>
    <message>
        <source>No document has been generated yet. Every statement, record, notice and report made here is registered with a number and a verification code, so its paper can be checked later (Verify…).</source>
        <translation>尚未生成任何文件。在此生成的每份声明、记录、通知和报告都会登记编号和验证码，以便日后核对纸质文件（验证…）。</translation>
    </message>
    <message>
        <source>Select a document to see what the registry holds for it.</source>
        <translation>选择一份文件以查看登记簿中关于它的记录。</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>Copy {number}</source>
        <translation>复制 {number}</translation>
    </message>
    <message>
        <source>Copy the code {code}</source>
        <translation>复制验证码 {code}</translation>
    </message>
    <message>
        <source>Generating the quota report…</source>
        <translation>正在生成配额报告…</translation>
    </message>
    <message>
        <source>Generating the AIA statements due of {day}…</source>
        <translation>正在生成 {day} 应出具的 AIA 声明…</translation>
    </message>
    <message>
        <source>Generating the decision records of {day}…</source>
        <translation>正在生成 {day} 的决定记录…</translation>
    </message>
    <message>
        <source>Generating {what}</source>
        <translation>正在生成 {what}</translation>
    </message>
    <message>
        <source>Stopping after the current document…</source>
        <translation>将在当前文件完成后停止…</translation>
    </message>
    <message>
        <source>Some documents could not be generated:</source>
        <translation>部分文件无法生成：</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… 另有 {count} 个</translation>
    </message>
</context>
<context>
    <name>FootprintDialog</name>
    <message>
        <source>Set VEU footprint</source>
        <translation>设置 VEU 部署规模</translation>
    </message>
    <message>
        <source>VEU holder:</source>
        <translation>VEU 持有者：</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>国家：</translation>
    </message>
    <message>
        <source>Installed TPP:</source>
        <translation>已安装 TPP：</translation>
    </message>
    <message>
        <source>From sources other than our shipments; our authorized VEU shipments are added from the ledger.</source>
        <translation>来自我方装运以外的来源；我方经授权的 VEU 装运量从台账中累加。</translation>
    </message>
    <message>
        <source>No party is a VEU holder yet: set a party&apos;s VEU status first.</source>
        <translation>尚无当事方是 VEU 持有者：请先设置当事方的 VEU 状态。</translation>
    </message>
    <message>
        <source>Choose a VEU holder from the list</source>
        <translation>请从列表中选择 VEU 持有者</translation>
    </message>
    <message>
        <source>Set VEU footprint of {ref} in {country}</source>
        <translation>设置 {ref} 在 {country} 的 VEU 部署规模</translation>
    </message>
</context>
<context>
    <name>GenerateDialog</name>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Documents cannot be rendered here: no PDF renderer is set up.</source>
        <translation>此处无法渲染文件：未设置 PDF 渲染器。</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>Not generated: {reason}. Everything you entered is still here.</source>
        <translation>未生成：{reason}。您输入的所有内容仍在此处。</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Screenings</source>
        <translation>筛查记录</translation>
    </message>
    <message>
        <source>Dispositions</source>
        <translation>处置</translation>
    </message>
    <message>
        <source>{ref}: screened 1 time, </source>
        <translation>{ref}：已筛查 1 次，</translation>
    </message>
    <message>
        <source>{ref}: screened {count} times, </source>
        <translation>{ref}：已筛查 {count} 次，</translation>
    </message>
    <message>
        <source>1 disposition on record, newest first. </source>
        <translation>有 1 项处置记录，最新的在前。</translation>
    </message>
    <message>
        <source>{count} dispositions on record, newest first. </source>
        <translation>有 {count} 项处置记录，最新的在前。</translation>
    </message>
    <message>
        <source>Dispositions are kept as recorded: a later one supersedes, never rewrites.</source>
        <translation>处置按记录原样保存：后来的处置取代之前的，但从不改写。</translation>
    </message>
    <message>
        <source>Could not read the history.</source>
        <translation>无法读取历史记录。</translation>
    </message>
</context>
<context>
    <name>LicenseDialog</name>
    <message>
        <source>Add licence</source>
        <translation>添加许可证</translation>
    </message>
    <message>
        <source>BIS licence number, e.g. D1234567</source>
        <translation>BIS 许可证编号，例如 D1234567</translation>
    </message>
    <message>
        <source>a-level ICs and systems (TPP)</source>
        <translation>a 级集成电路及系统 (TPP)</translation>
    </message>
    <message>
        <source>Model weights (4E091)</source>
        <translation>模型权重 (4E091)</translation>
    </message>
    <message>
        <source>Licence number:</source>
        <translation>许可证编号：</translation>
    </message>
    <message>
        <source>Consignee:</source>
        <translation>收货人：</translation>
    </message>
    <message>
        <source>Destination:</source>
        <translation>目的地：</translation>
    </message>
    <message>
        <source>Covers:</source>
        <translation>涵盖范围：</translation>
    </message>
    <message>
        <source>Authorized TPP:</source>
        <translation>授权 TPP：</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>生效日期：</translation>
    </message>
    <message>
        <source>Valid to:</source>
        <translation>截止日期：</translation>
    </message>
    <message>
        <source>Shipments under the licence deplete its authorized TPP. Licences are only added: check the number and figures before saving (this cannot be undone).</source>
        <translation>许可证项下的装运会消耗其授权 TPP。许可证只能添加：保存前请核对编号和数字（此操作无法撤销）。</translation>
    </message>
    <message>
        <source>Enter the licence number</source>
        <translation>请输入许可证编号</translation>
    </message>
    <message>
        <source>Licence {number} is already recorded</source>
        <translation>许可证 {number} 已记录</translation>
    </message>
    <message>
        <source>Choose the consignee from the list</source>
        <translation>请从列表中选择收货人</translation>
    </message>
    <message>
        <source>The licence cannot end before it starts</source>
        <translation>许可证的截止日期不能早于生效日期</translation>
    </message>
    <message>
        <source>Add licence {number} for {ref}</source>
        <translation>为 {ref} 添加许可证 {number}</translation>
    </message>
</context>
<context>
    <name>LppCertificationDialog</name>
    <message>
        <source>New LPP certification</source>
        <translation>新建 LPP 认证</translation>
    </message>
    <message>
        <source>Name, title (leave empty for a blank line)</source>
        <translation>姓名、职务（留空则为空行）</translation>
    </message>
    <message>
        <source>Ultimate consignee:</source>
        <translation>最终收货人：</translation>
    </message>
    <message>
        <source>Calendar year:</source>
        <translation>日历年：</translation>
    </message>
    <message>
        <source>Signers:</source>
        <translation>签署人：</translation>
    </message>
    <message>
        <source>One person per line: name, title.</source>
        <translation>每行一人：姓名、职务。</translation>
    </message>
    <message>
        <source>The consignee declares what it already received this calendar year and commits not to pass the LPP limit, and to notify BIS on reaching it. The limit and the prior receipts come from its records.</source>
        <translation>收货人声明其本日历年已接收的数量，承诺不超过 LPP 限额，并在达到限额时通知 BIS。限额和先前接收量取自其记录。</translation>
    </message>
    <message>
        <source>Choose the ultimate consignee from the list</source>
        <translation>请从列表中选择最终收货人</translation>
    </message>
</context>
<context>
    <name>LppDialog</name>
    <message>
        <source>Revoke an LPP certification</source>
        <translation>撤销 LPP 认证</translation>
    </message>
    <message>
        <source>Correct LPP certification</source>
        <translation>更正 LPP 认证</translation>
    </message>
    <message>
        <source>Record LPP certification</source>
        <translation>记录 LPP 认证</translation>
    </message>
    <message>
        <source>Name and title</source>
        <translation>姓名和职务</translation>
    </message>
    <message>
        <source>Revoked on</source>
        <translation>撤销日期</translation>
    </message>
    <message>
        <source>Ultimate consignee:</source>
        <translation>最终收货人：</translation>
    </message>
    <message>
        <source>Calendar year:</source>
        <translation>日历年：</translation>
    </message>
    <message>
        <source>Signed on:</source>
        <translation>签署日期：</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>签署人：</translation>
    </message>
    <message>
        <source>Prior receipts (TPP):</source>
        <translation>先前接收量 (TPP)：</translation>
    </message>
    <message>
        <source>What the consignee received from other exporters this year; it counts toward its LPP limit of {limit} TPP ({reference}).</source>
        <translation>收货人本年度从其他出口商接收的数量；计入其 {limit} TPP 的 LPP 限额（{reference}）。</translation>
    </message>
    <message>
        <source>Revocation:</source>
        <translation>撤销：</translation>
    </message>
    <message>
        <source>The consignee certifies, for one calendar year, what it has already received and that our shipments will not take it past the LPP limit.</source>
        <translation>收货人就一个日历年证明其已接收的数量，以及我方的装运不会使其超过 LPP 限额。</translation>
    </message>
    <message>
        <source>Choose the ultimate consignee from the list</source>
        <translation>请从列表中选择最终收货人</translation>
    </message>
    <message>
        <source>The revocation cannot be before the signing date</source>
        <translation>撤销日期不能早于签署日期</translation>
    </message>
    <message>
        <source>Give the revocation date</source>
        <translation>请填写撤销日期</translation>
    </message>
    <message>
        <source>Replaces this consignee&apos;s certification for {year} (saving updates it)</source>
        <translation>将替换该收货人 {year} 年的认证（保存即更新）</translation>
    </message>
    <message>
        <source>Revoke LPP certification of {ref} for {year}</source>
        <translation>撤销 {ref} {year} 年的 LPP 认证</translation>
    </message>
    <message>
        <source>Record LPP certification of {ref} for {year}</source>
        <translation>记录 {ref} {year} 年的 LPP 认证</translation>
    </message>
</context>
<context>
    <name>OrderDocumentDialog</name>
    <message>
        <source>Decision record for order</source>
        <translation>订单的决定记录</translation>
    </message>
    <message>
        <source>AIA shipment notice for order</source>
        <translation>订单的 AIA 装运通知</translation>
    </message>
    <message>
        <source>Order ref, e.g. SO-25-0035</source>
        <translation>订单编号，例如 SO-25-0035</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>订单：</translation>
    </message>
    <message>
        <source>The order&apos;s latest decision as recorded: parties, lines with ECCN and TPP, the outcome, every finding with its rule and figures, who decided and when, and the audit-log hash. File it with the shipment papers.</source>
        <translation>订单最新决定的记录：当事方、含 ECCN 和 TPP 的订单行、结果、每项审查结论及其规则和数字、决定人和时间，以及审计日志哈希。随装运文件一起归档。</translation>
    </message>
    <message>
        <source>The notice the consignee receives with each shipment under License Exception AIA, naming the items and their ECCNs.</source>
        <translation>收货人在许可证例外 AIA 项下每次装运时收到的通知，列明物项及其 ECCN。</translation>
    </message>
    <message>
        <source>Give the order&apos;s ref</source>
        <translation>请填写订单编号</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Needs attention</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>所有结果</translation>
    </message>
    <message>
        <source>Pending (no decision)</source>
        <translation>待处理（无决定）</translation>
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
        <translation>暂扣</translation>
    </message>
    <message>
        <source>Prohibited</source>
        <translation>禁止</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Click a column heading to sort the list by it; again to reverse</source>
        <translation>点击列标题按该列排序；再次点击则反向排序</translation>
    </message>
    <message>
        <source>Ruleset in effect today: &lt;b&gt;{id}&lt;/b&gt;.</source>
        <translation>今日生效的规则集：&lt;b&gt;{id}&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>New order…</source>
        <translation>新建订单…</translation>
    </message>
    <message>
        <source>Enter a new order</source>
        <translation>录入新订单</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Check the selected order and record the decision</source>
        <translation>检查所选订单并记录决定</translation>
    </message>
    <message>
        <source>Check all pending</source>
        <translation>检查所有待处理订单</translation>
    </message>
    <message>
        <source>Check every order without a decision, oldest first</source>
        <translation>按从旧到新的顺序检查所有尚无决定的订单</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>取消订单…</translation>
    </message>
    <message>
        <source>Cancel the selected order and release its quota</source>
        <translation>取消所选订单并释放其配额</translation>
    </message>
    <message>
        <source>Red flags…</source>
        <translation>警示信号…</translation>
    </message>
    <message>
        <source>Know-your-customer checklist and Red Flag 28 for the selected order</source>
        <translation>所选订单的“了解你的客户”核对清单和第 28 号警示信号</translation>
    </message>
    <message>
        <source>Export list…</source>
        <translation>导出列表…</translation>
    </message>
    <message>
        <source>Write the orders listed now, with their outcomes, to a CSV file for a spreadsheet</source>
        <translation>将当前列出的订单及其结果写入 CSV 文件，供电子表格使用</translation>
    </message>
    <message>
        <source>orders and parties</source>
        <translation>订单和当事方</translation>
    </message>
    <message>
        <source>part of an order ref, or of the consignee&apos;s or end user&apos;s ref, name or alias</source>
        <translation>订单编号，或收货人或最终用户的编号、名称或别名的一部分</translation>
    </message>
    <message>
        <source>Hold, licence required or prohibited</source>
        <translation>暂扣、需要许可证或禁止</translation>
    </message>
    <message>
        <source>All destinations</source>
        <translation>所有目的地</translation>
    </message>
    <message>
        <source>Tier {tier} destinations</source>
        <translation>第 {tier} 层级目的地</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Party ref</source>
        <translation>当事方编号</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>%v of %m orders checked</source>
        <translation>已检查 %v / %m 个订单</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Loading… first {count} shown</source>
        <translation>正在加载… 已显示前 {count} 个</translation>
    </message>
    <message>
        <source>1 order</source>
        <translation>1 个订单</translation>
    </message>
    <message>
        <source>{count} orders</source>
        <translation>{count} 个订单</translation>
    </message>
    <message>
        <source>Checking pending orders…</source>
        <translation>正在检查待处理订单…</translation>
    </message>
    <message>
        <source>Checking {what}</source>
        <translation>正在检查 {what}</translation>
    </message>
    <message>
        <source>Stopping after the current order…</source>
        <translation>将在当前订单完成后停止…</translation>
    </message>
    <message>
        <source>Stopped: checked {checked} of {total}</source>
        <translation>已停止：已检查 {checked} / {total}</translation>
    </message>
    <message>
        <source>Done: checked {checked} of {total}</source>
        <translation>完成：已检查 {checked} / {total}</translation>
    </message>
    <message>
        <source>; {count} could not be checked</source>
        <translation>；{count} 个无法检查</translation>
    </message>
    <message>
        <source>Some orders could not be checked:</source>
        <translation>部分订单无法检查：</translation>
    </message>
    <message>
        <source>Copy {ref}</source>
        <translation>复制 {ref}</translation>
    </message>
    <message>
        <source>Only orders of {ref}</source>
        <translation>仅显示 {ref} 的订单</translation>
    </message>
    <message>
        <source>Export the order list</source>
        <translation>导出订单列表</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Writing {count} orders to {file}…</source>
        <translation>正在将 {count} 个订单写入 {file}…</translation>
    </message>
    <message>
        <source>1 order written to {path}</source>
        <translation>已将 1 个订单写入 {path}</translation>
    </message>
    <message>
        <source>{count} orders written to {path}</source>
        <translation>已将 {count} 个订单写入 {path}</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Could not read {what}.</source>
        <translation>无法读取{what}。</translation>
    </message>
</context>
<context>
    <name>PaperworkColumns</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Filed {date}</source>
        <translation>已于 {date} 提交</translation>
    </message>
    <message>
        <source>⚠ Not filed: needed now</source>
        <translation>⚠ 未提交：现在需要</translation>
    </message>
    <message>
        <source>Not needed yet: {share} of threshold</source>
        <translation>暂不需要：已达阈值的 {share}</translation>
    </message>
    <message>
        <source>✓ In force</source>
        <translation>✓ 有效</translation>
    </message>
    <message>
        <source>— Withdrawn</source>
        <translation>— 已撤回</translation>
    </message>
    <message>
        <source>✕ Revoked {date}</source>
        <translation>✕ 已于 {date} 撤销</translation>
    </message>
    <message>
        <source>… Not yet signed</source>
        <translation>… 尚未签署</translation>
    </message>
    <message>
        <source>Consignee</source>
        <translation>收货人</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签署日期</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签署人</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Model weights storage attested</source>
        <translation>已证明模型权重存储</translation>
    </message>
    <message>
        <source>No attestation of model weights storage</source>
        <translation>无模型权重存储证明</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>AIA shipped (all time)</source>
        <translation>AIA 已装运（累计）</translation>
    </message>
    <message>
        <source>BIS submission</source>
        <translation>向 BIS 提交</translation>
    </message>
    <message>
        <source>Needed from {threshold} TPP of AIA shipments; shipped so far {shipped}</source>
        <translation>AIA 装运量达到 {threshold} TPP 时需要；目前已装运 {shipped}</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Prior receipts</source>
        <translation>先前接收量</translation>
    </message>
    <message>
        <source>Our LPP shipments</source>
        <translation>我方 LPP 装运量</translation>
    </message>
    <message>
        <source>Used of the limit</source>
        <translation>限额使用率</translation>
    </message>
    <message>
        <source>{share} used · {left} left</source>
        <translation>已用 {share} · 剩余 {left}</translation>
    </message>
    <message>
        <source>{used} of {limit} TPP used ({prior} prior + {ours} ours)</source>
        <translation>已用 {used} / {limit} TPP（先前 {prior} + 我方 {ours}）</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>✓ Valid to {date}</source>
        <translation>✓ 有效至 {date}</translation>
    </message>
    <message>
        <source>✕ Expired {date}</source>
        <translation>✕ 已于 {date} 过期</translation>
    </message>
    <message>
        <source>… Valid from {date}</source>
        <translation>… 自 {date} 起生效</translation>
    </message>
    <message>
        <source>a-level TPP</source>
        <translation>a 级 TPP</translation>
    </message>
    <message>
        <source>Model weights</source>
        <translation>模型权重</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>涵盖范围</translation>
    </message>
    <message>
        <source>Authorized</source>
        <translation>已授权</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <source>Depletion</source>
        <translation>消耗</translation>
    </message>
    <message>
        <source>{share} used</source>
        <translation>已用 {share}</translation>
    </message>
    <message>
        <source>n/a (weights)</source>
        <translation>不适用（权重）</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Valid from {start} to {end} ({status} on the day shown)</source>
        <translation>自 {start} 至 {end} 有效（在所示日期为 {status}）</translation>
    </message>
    <message>
        <source>VEU holder</source>
        <translation>VEU 持有者</translation>
    </message>
    <message>
        <source>VEU</source>
        <translation>VEU</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Installed by others</source>
        <translation>他方安装量</translation>
    </message>
    <message>
        <source>Our VEU shipments</source>
        <translation>我方 VEU 装运量</translation>
    </message>
    <message>
        <source>Installed in total</source>
        <translation>安装总量</translation>
    </message>
    <message>
        <source>G2G agreement</source>
        <translation>G2G 协议</translation>
    </message>
    <message>
        <source>Used by others</source>
        <translation>他方已用</translation>
    </message>
    <message>
        <source>Used by us</source>
        <translation>我方已用</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>分配额</translation>
    </message>
    <message>
        <source>none (not Tier 2)</source>
        <translation>无（非第 2 层级）</translation>
    </message>
    <message>
        <source>Used of the allocation</source>
        <translation>分配额使用率</translation>
    </message>
    <message>
        <source>{share} · {left} left</source>
        <translation>{share} · 剩余 {left}</translation>
    </message>
</context>
<context>
    <name>PaperworkPage</name>
    <message>
        <source>Certifications &amp; Licences</source>
        <translation>认证与许可证</translation>
    </message>
    <message>
        <source>the paperwork</source>
        <translation>证书文件</translation>
    </message>
    <message>
        <source>the lists</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>part of a consignee, a licence or a country</source>
        <translation>收货人、许可证或国家的一部分</translation>
    </message>
    <message>
        <source>Record AIA certification…</source>
        <translation>记录 AIA 认证…</translation>
    </message>
    <message>
        <source>Record BIS submission…</source>
        <translation>记录向 BIS 提交…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>撤销…</translation>
    </message>
    <message>
        <source>Record LPP certification…</source>
        <translation>记录 LPP 认证…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Add licence…</source>
        <translation>添加许可证…</translation>
    </message>
    <message>
        <source>Set footprint…</source>
        <translation>设置部署规模…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Add country…</source>
        <translation>添加国家…</translation>
    </message>
    <message>
        <source>AIA certifications</source>
        <translation>AIA 认证</translation>
    </message>
    <message>
        <source>One-time certification by a Tier 1 ultimate consignee before its first AIA shipment; filed with BIS once its AIA shipments reach the threshold.</source>
        <translation>第 1 层级最终收货人在首次 AIA 装运前出具的一次性认证；其 AIA 装运量达到阈值后提交给 BIS。</translation>
    </message>
    <message>
        <source>LPP certifications</source>
        <translation>LPP 认证</translation>
    </message>
    <message>
        <source>Per consignee per calendar year, with what it received from others that year.</source>
        <translation>每个收货人每个日历年一份，并注明其当年从他方接收的数量。</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Shipments under a licence deplete its authorized TPP.</source>
        <translation>许可证项下的装运会消耗其授权 TPP。</translation>
    </message>
    <message>
        <source>VEU footprints</source>
        <translation>VEU 部署规模</translation>
    </message>
    <message>
        <source>Installed a-level TPP of VEU holders by country: recorded from other sources, plus our authorized VEU shipments.</source>
        <translation>VEU 持有者按国家统计的已安装 a 级 TPP：来自其他来源的记录，加上我方经授权的 VEU 装运。</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Tier 2 allocations: agreements and what other exporters reported using.</source>
        <translation>第 2 层级分配额：协议情况以及其他出口商报告的使用量。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>{name} ({count})</source>
        <translation>{name}（{count}）</translation>
    </message>
    <message>
        <source>Standing on {date} under ruleset {ruleset}. Select a row for its actions; undo with Ctrl+Z.</source>
        <translation>截至 {date}，依据规则集 {ruleset}。选择一行以执行操作；按 Ctrl+Z 撤销。</translation>
    </message>
</context>
<context>
    <name>PartiesPage</name>
    <message>
        <source>Parties</source>
        <translation>当事方</translation>
    </message>
    <message>
        <source>party</source>
        <translation>当事方</translation>
    </message>
    <message>
        <source>parties</source>
        <translation>当事方</translation>
    </message>
    <message>
        <source>Search the parties</source>
        <translation>搜索当事方</translation>
    </message>
    <message>
        <source>part of a party&apos;s ref, legal name or alias</source>
        <translation>当事方编号、法定名称或别名的一部分</translation>
    </message>
    <message>
        <source>Discard the changes not saved yet</source>
        <translation>放弃尚未保存的更改</translation>
    </message>
    <message>
        <source>No party selected</source>
        <translation>未选择当事方</translation>
    </message>
    <message>
        <source>Standing at a glance</source>
        <translation>状况一览</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Show the orders of {ref}</source>
        <translation>显示 {ref} 的订单</translation>
    </message>
    <message>
        <source>Screening history of {ref}…</source>
        <translation>{ref} 的筛查历史…</translation>
    </message>
    <message>
        <source>Resolve visit {visit}</source>
        <translation>处理第 {visit} 次访查</translation>
    </message>
    <message>
        <source>How were the discrepancies of visit {visit} of {ref} resolved? (kept in the audit log; the party&apos;s orders are no longer held for this visit)</source>
        <translation>第 {visit} 次访查（{ref}）发现的差异是如何处理的？（记入审计日志；该当事方的订单将不再因此次访查而被暂扣）</translation>
    </message>
    <message>
        <source>located in {country}</source>
        <translation>位于 {country}</translation>
    </message>
    <message>
        <source>headquartered in {country}</source>
        <translation>总部位于 {country}</translation>
    </message>
    <message>
        <source>ultimate parent {name}</source>
        <translation>最终母公司 {name}</translation>
    </message>
    <message>
        <source>Pick a party in the list, or press Ctrl+Shift+P for a new one.</source>
        <translation>在列表中选择一个当事方，或按 Ctrl+Shift+P 新建。</translation>
    </message>
    <message>
        <source>Select a party to see its standing.</source>
        <translation>选择一个当事方以查看其状况。</translation>
    </message>
    <message>
        <source>New party</source>
        <translation>新建当事方</translation>
    </message>
    <message>
        <source>Enter the party&apos;s details, then Save (Ctrl+S).</source>
        <translation>输入当事方的详细信息，然后保存 (Ctrl+S)。</translation>
    </message>
    <message>
        <source>The standing appears once the party is saved.</source>
        <translation>当事方保存后将显示其状况。</translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked above.</source>
        <translation>未保存：请更正上面标出的字段。</translation>
    </message>
    <message>
        <source>Comparing the name with the stored parties…</source>
        <translation>正在将名称与已存储的当事方进行比较…</translation>
    </message>
    <message>
        <source>Not saved yet: see the warning under the name. Save again to create the party.</source>
        <translation>尚未保存：请查看名称下方的警告。再次保存即可创建该当事方。</translation>
    </message>
</context>
<context>
    <name>PartyEditor</name>
    <message>
        <source>Short unique reference, e.g. DE-MUELLER</source>
        <translation>简短唯一的编号，例如 DE-MUELLER</translation>
    </message>
    <message>
        <source>One alias per line</source>
        <translation>每行一个别名</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Headquarters of the ultimate parent</source>
        <translation>最终母公司的总部</translation>
    </message>
    <message>
        <source>The country the NVEU covers</source>
        <translation>NVEU 所涵盖的国家</translation>
    </message>
    <message>
        <source>e.g. UVEU-25-0007</source>
        <translation>例如 UVEU-25-0007</translation>
    </message>
    <message>
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Correspondence language</source>
        <translation>通信语言</translation>
    </message>
    <message>
        <source>For a party reading Chinese, the AIA statement adds a Chinese courtesy translation of the commitments; the English text stays the binding one.</source>
        <translation>对于阅读中文的当事方，AIA 声明会附上承诺事项的中文礼节性译文；具有约束力的仍是英文文本。</translation>
    </message>
    <message>
        <source>Correspondence language:</source>
        <translation>通信语言：</translation>
    </message>
    <message>
        <source>The ref identifies the party in orders and the audit log; it cannot change.</source>
        <translation>编号用于在订单和审计日志中识别该当事方，不能更改。</translation>
    </message>
    <message>
        <source>{field} is required</source>
        <translation>{field}为必填项</translation>
    </message>
</context>
<context>
    <name>PartyLabels</name>
    <message>
        <source>End user</source>
        <translation>最终用户</translation>
    </message>
    <message>
        <source>Data-center operator</source>
        <translation>数据中心运营商</translation>
    </message>
    <message>
        <source>Cloud provider</source>
        <translation>云服务提供商</translation>
    </message>
    <message>
        <source>Distributor / reseller</source>
        <translation>分销商 / 经销商</translation>
    </message>
    <message>
        <source>Research institution</source>
        <translation>研究机构</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>UVEU (universal)</source>
        <translation>UVEU（通用）</translation>
    </message>
    <message>
        <source>NVEU (national, one country)</source>
        <translation>NVEU（国家，单一国家）</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>法定名称</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>所在地</translation>
    </message>
    <message>
        <source>Headquarters</source>
        <translation>总部</translation>
    </message>
    <message>
        <source>Ultimate parent</source>
        <translation>最终母公司</translation>
    </message>
    <message>
        <source>Parent headquarters</source>
        <translation>母公司总部</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>VEU status</source>
        <translation>VEU 状态</translation>
    </message>
    <message>
        <source>NVEU country</source>
        <translation>NVEU 国家</translation>
    </message>
    <message>
        <source>Authorization no.</source>
        <translation>授权编号</translation>
    </message>
</context>
<context>
    <name>PartyTableModel</name>
    <message>
        <source>Ref</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>所在地</translation>
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
        <source>VEU</source>
        <translation>VEU</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
</context>
<context>
    <name>ProductEditor</name>
    <message>
        <source>Short unique reference, e.g. H100-SXM</source>
        <translation>简短唯一的编号，例如 H100-SXM</translation>
    </message>
    <message>
        <source>TPP per IC</source>
        <translation>单个集成电路的 TPP</translation>
    </message>
    <message>
        <source>Datasheet rates</source>
        <translation>数据表速率</translation>
    </message>
    <message>
        <source>e.g. 15832</source>
        <translation>例如 15832</translation>
    </message>
    <message>
        <source>One dense peak rate per line, TOPS:BITS
e.g. 1979:8 and 989.5:16; add :sparse to halve a sparse-only figure</source>
        <translation>每行一个稠密峰值速率，格式为 TOPS:BITS
例如 1979:8 和 989.5:16；添加 :sparse 可将仅为稀疏的数值减半</translation>
    </message>
    <message>
        <source>mm² of non-planar logic dies, HBM excluded</source>
        <translation>非平面逻辑芯片的面积（mm²），不含 HBM</translation>
    </message>
    <message>
        <source>Designed or marketed for datacenters</source>
        <translation>专为数据中心设计或销售</translation>
    </message>
    <message>
        <source>e.g. 3e26</source>
        <translation>例如 3e26</translation>
    </message>
    <message>
        <source>Weights are published (open weights)</source>
        <translation>权重已公开（开放权重）</translation>
    </message>
    <message>
        <source>Ref:</source>
        <translation>编号：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Performance:</source>
        <translation>性能：</translation>
    </message>
    <message>
        <source>Die area (mm²):</source>
        <translation>芯片面积 (mm²)：</translation>
    </message>
    <message>
        <source>ICs per unit:</source>
        <translation>每单元集成电路数：</translation>
    </message>
    <message>
        <source>Training operations:</source>
        <translation>训练运算量：</translation>
    </message>
    <message>
        <source> (sparse, halved)</source>
        <translation>（稀疏，已减半）</translation>
    </message>
    <message>
        <source>→ TPP {tpp}: the largest of the rates, {tops} × {bits}</source>
        <translation>→ TPP {tpp}：各速率中的最大值，{tops} × {bits}</translation>
    </message>
    <message>
        <source>{field} is required</source>
        <translation>{field}为必填项</translation>
    </message>
</context>
<context>
    <name>ProductLabels</name>
    <message>
        <source>Integrated circuit (IC)</source>
        <translation>集成电路 (IC)</translation>
    </message>
    <message>
        <source>System, board or server</source>
        <translation>系统、板卡或服务器</translation>
    </message>
    <message>
        <source>Model weights</source>
        <translation>模型权重</translation>
    </message>
    <message>
        <source>IaaS training service</source>
        <translation>IaaS 训练服务</translation>
    </message>
    <message>
        <source>Other (not an AI item)</source>
        <translation>其他（非 AI 物项）</translation>
    </message>
    <message>
        <source>IC</source>
        <translation>集成电路</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>IaaS</source>
        <translation>IaaS</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>TPP per IC</source>
        <translation>单个集成电路的 TPP</translation>
    </message>
    <message>
        <source>Die area</source>
        <translation>芯片面积</translation>
    </message>
    <message>
        <source>ICs per unit</source>
        <translation>每单元集成电路数</translation>
    </message>
    <message>
        <source>Training operations</source>
        <translation>训练运算量</translation>
    </message>
</context>
<context>
    <name>ProductTableModel</name>
    <message>
        <source>Ref</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>TPP per IC</source>
        <translation>单个集成电路的 TPP</translation>
    </message>
    <message>
        <source>Die mm²</source>
        <translation>芯片 mm²</translation>
    </message>
    <message>
        <source>Datacenter</source>
        <translation>数据中心</translation>
    </message>
    <message>
        <source>ICs/unit</source>
        <translation>集成电路/单元</translation>
    </message>
    <message>
        <source>ECCN</source>
        <translation>ECCN</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>PD</source>
        <translation>性能密度</translation>
    </message>
    <message>
        <source>Unit TPP</source>
        <translation>单元 TPP</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>✕ needs figures</source>
        <translation>✕ 需要数字</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>part of a product&apos;s ref, name, kind or ECCN</source>
        <translation>产品编号、名称、类型或 ECCN 的一部分</translation>
    </message>
    <message>
        <source>No product selected</source>
        <translation>未选择产品</translation>
    </message>
    <message>
        <source>Classified under {ruleset} (in effect today) ·</source>
        <translation>依据 {ruleset}（今日生效）分类 ·</translation>
    </message>
    <message>
        <source>Ruleset {ruleset}, in effect today ({date}).</source>
        <translation>规则集 {ruleset}，今日生效（{date}）。</translation>
    </message>
    <message>
        <source>Select a product, or press Ctrl+N for a new one.</source>
        <translation>选择一个产品，或按 Ctrl+N 新建。</translation>
    </message>
    <message>
        <source>needed here: at this TPP the performance density decides</source>
        <translation>此处需要：在此 TPP 下由性能密度决定</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新建产品</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
</context>
<context>
    <name>QuotaSection</name>
    <message>
        <source>{title}: summary</source>
        <translation>{title}：摘要</translation>
    </message>
</context>
<context>
    <name>QuotasPage</name>
    <message>
        <source>No Tier 2 country has allocation used or a setting yet. Record what other exporters reported under Certifications &amp; Licences → Countries.</source>
        <translation>尚无第 2 层级国家使用分配额或有设置。请在“认证与许可证 → 国家”中记录其他出口商报告的使用量。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{count}&lt;/b&gt; Tier 2 countries tracked. Most used: &lt;b&gt;{name}&lt;/b&gt; at {share}.</source>
        <translation>跟踪 &lt;b&gt;{count}&lt;/b&gt; 个第 2 层级国家。使用最多：&lt;b&gt;{name}&lt;/b&gt;，{share}。</translation>
    </message>
    <message>
        <source> {count} at {share} or more.</source>
        <translation> {count} 个达到 {share} 或以上。</translation>
    </message>
    <message>
        <source> (G2G agreement)</source>
        <translation>（G2G 协议）</translation>
    </message>
    <message>
        <source>: {share} used, &lt;b&gt;{left}&lt;/b&gt; TPP left.</source>
        <translation>：已用 {share}，剩余 &lt;b&gt;{left}&lt;/b&gt; TPP。</translation>
    </message>
    <message>
        <source>ours {ours} + others {others} = {used} of {limit}</source>
        <translation>我方 {ours} + 他方 {others} = {used} / {limit}</translation>
    </message>
    <message>
        <source>No consignee has LPP use in {year} yet.</source>
        <translation>{year} 年尚无收货人使用 LPP。</translation>
    </message>
    <message>
        <source>Top {count} consignees by LPP use in {year}. Highest: &lt;b&gt;{name}&lt;/b&gt; at {share}.</source>
        <translation>{year} 年 LPP 使用量前 {count} 名收货人。最高：&lt;b&gt;{name}&lt;/b&gt;，{share}。</translation>
    </message>
    <message>
        <source>(no LPP certification for the year)</source>
        <translation>（本年度无 LPP 认证）</translation>
    </message>
    <message>
        <source>prior {prior} + ours {ours} = {used} of {limit}</source>
        <translation>先前 {prior} + 我方 {ours} = {used} / {limit}</translation>
    </message>
    <message>
        <source> From {date} ({period}) the cap is {cap} TPP.</source>
        <translation> 自 {date}（{period}）起上限为 {cap} TPP。</translation>
    </message>
    <message>
        <source>Cap for {period}: &lt;b&gt;{cap}&lt;/b&gt; TPP per holder per country.</source>
        <translation>{period} 的上限：每个持有者每个国家 &lt;b&gt;{cap}&lt;/b&gt; TPP。</translation>
    </message>
    <message>
        <source>No party is a National VEU holder.</source>
        <translation>没有当事方是国家经验证最终用户 (NVEU) 持有者。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{ref}&lt;/b&gt; {name} in {country}: {share} of the cap, &lt;b&gt;{left}&lt;/b&gt; TPP left.</source>
        <translation>&lt;b&gt;{ref}&lt;/b&gt; {name} 在 {country}：已用上限的 {share}，剩余 &lt;b&gt;{left}&lt;/b&gt; TPP。</translation>
    </message>
    <message>
        <source>others {others} + ours {ours} = {installed} installed</source>
        <translation>他方 {others} + 我方 {ours} = 已安装 {installed}</translation>
    </message>
    <message>
        <source>Quotas</source>
        <translation>配额</translation>
    </message>
    <message>
        <source>the quotas</source>
        <translation>配额</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Tier 2 country allocations</source>
        <translation>第 2 层级国家分配额</translation>
    </message>
    <message>
        <source>LPP use this year: top consignees</source>
        <translation>本年度 LPP 使用量：主要收货人</translation>
    </message>
    <message>
        <source>NVEU installed base against the quarterly cap</source>
        <translation>NVEU 安装量对照季度上限</translation>
    </message>
    <message>
        <source>Standing on {date} under ruleset {ruleset}. Each bar is a share of its own limit; the dashed line is the limit. Limits are inclusive: reaching one is allowed, passing it is not.</source>
        <translation>截至 {date}，依据规则集 {ruleset}。每个条形表示其自身限额的占比；虚线为限额。限额含边界：达到限额是允许的，超过则不允许。</translation>
    </message>
    <message>
        <source>{base} TPP per Tier 2 country, {g2g} with a government-to-government agreement, {start} to {end} ({rule}).</source>
        <translation>每个第 2 层级国家 {base} TPP，有政府间协议的为 {g2g}，期间 {start} 至 {end}（{rule}）。</translation>
    </message>
    <message>
        <source>Ours (licensed)</source>
        <translation>我方（经许可）</translation>
    </message>
    <message>
        <source>Reported by other exporters</source>
        <translation>其他出口商报告</translation>
    </message>
    <message>
        <source>LPP use in {year}: top consignees</source>
        <translation>{year} 年 LPP 使用量：主要收货人</translation>
    </message>
    <message>
        <source>Limit {limit} TPP per ultimate consignee per calendar year ({rule}); prior receipts from the consignee&apos;s LPP certification count toward it.</source>
        <translation>每个最终收货人每个日历年的限额为 {limit} TPP（{rule}）；收货人 LPP 认证中的先前接收量计入该限额。</translation>
    </message>
    <message>
        <source>Our LPP shipments</source>
        <translation>我方 LPP 装运量</translation>
    </message>
    <message>
        <source>Prior receipts (certified)</source>
        <translation>先前接收量（已认证）</translation>
    </message>
    <message>
        <source>Cumulative installed base per holder per country, capped by quarter of the shipment date ({rule}).</source>
        <translation>每个持有者每个国家的累计安装量，按装运日期所在季度设定上限（{rule}）。</translation>
    </message>
    <message>
        <source>{ref} in {country}</source>
        <translation>{ref} 在 {country}</translation>
    </message>
    <message>
        <source>Our NVEU shipments</source>
        <translation>我方 NVEU 装运量</translation>
    </message>
    <message>
        <source>Installed from other sources</source>
        <translation>来自其他来源的安装量</translation>
    </message>
    <message>
        <source>Cap for {period} (100 %)</source>
        <translation>{period} 的上限 (100 %)</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Still needed: </source>
        <translation>仍需：</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Not saved: {reason}. Everything you typed is still here.</source>
        <translation>未保存：{reason}。您输入的所有内容仍在此处。</translation>
    </message>
</context>
<context>
    <name>RecordEditorPage</name>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the {noun} (Ctrl+S)</source>
        <translation>保存{noun} (Ctrl+S)</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Copy {ref}</source>
        <translation>复制 {ref}</translation>
    </message>
    <message>
        <source>New {noun}…</source>
        <translation>新建{noun}…</translation>
    </message>
    <message>
        <source>Enter a new {noun}</source>
        <translation>录入新的{noun}</translation>
    </message>
    <message>
        <source>Save {noun}</source>
        <translation>保存{noun}</translation>
    </message>
    <message>
        <source>Save the {noun}</source>
        <translation>保存{noun}</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>{count} {things}</source>
        <translation>{count} 个{things}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The {noun} has changes that are not saved. Discard them?</source>
        <translation>该{noun}有尚未保存的更改。是否放弃？</translation>
    </message>
    <message>
        <source>No changes to save.</source>
        <translation>没有需要保存的更改。</translation>
    </message>
    <message>
        <source>Edit {noun} {ref}</source>
        <translation>编辑{noun} {ref}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved. Undo with Ctrl+Z ({what}).</source>
        <translation>已保存。按 Ctrl+Z 撤销（{what}）。</translation>
    </message>
    <message>
        <source>{noun} {ref} created.</source>
        <translation>{noun} {ref} 已创建。</translation>
    </message>
    <message>
        <source>Not saved: an internal error occurred.</source>
        <translation>未保存：发生内部错误。</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
</context>
<context>
    <name>RedFlagColumns</name>
    <message>
        <source>⚠ Needs a resolution</source>
        <translation>⚠ 需要处理</translation>
    </message>
    <message>
        <source>✓ Resolved {date}: check again</source>
        <translation>✓ 已于 {date} 处理：请重新检查</translation>
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
        <source>Destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Held since</source>
        <translation>暂扣起始日期</translation>
    </message>
    <message>
        <source>Red flags</source>
        <translation>警示信号</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>回答人</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>时间 (UTC)</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事方</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>访查</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>签核日期</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
    <message>
        <source>Discrepancies</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>⚠ {count}: orders held</source>
        <translation>⚠ {count}：订单已暂扣</translation>
    </message>
</context>
<context>
    <name>RedFlagsPage</name>
    <message>
        <source>Red flags</source>
        <translation>警示信号</translation>
    </message>
    <message>
        <source>the red flags</source>
        <translation>警示信号</translation>
    </message>
    <message>
        <source>Record a resolution…</source>
        <translation>记录处理结果…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>e.g. SO-26-0094</source>
        <translation>例如 SO-26-0094</translation>
    </message>
    <message>
        <source>Open checklist</source>
        <translation>打开核对清单</translation>
    </message>
    <message>
        <source>Any order:</source>
        <translation>任一订单：</translation>
    </message>
    <message>
        <source>Resolve Red Flag 28…</source>
        <translation>处理第 28 号警示信号…</translation>
    </message>
    <message>
        <source>Open checklist…</source>
        <translation>打开核对清单…</translation>
    </message>
    <message>
        <source>On hold for Red Flag 28</source>
        <translation>因第 28 号警示信号而暂扣</translation>
    </message>
    <message>
        <source>IaaS training for a customer headquartered (or owned from) outside Tier 1. Record how the flag was resolved; the order is then checked again.</source>
        <translation>为总部位于（或所有者位于）第 1 层级以外的客户提供 IaaS 训练。记录该警示信号的处理方式；然后将重新检查该订单。</translation>
    </message>
    <message>
        <source>Checklists that raised red flags</source>
        <translation>触发警示信号的核对清单</translation>
    </message>
    <message>
        <source>The latest know-your-customer checklist of each order that ticked at least one red flag. No single red flag decides; the officer&apos;s judgement is on record.</source>
        <translation>每个订单最新的“了解你的客户”核对清单，其中至少勾选了一个警示信号。没有任何单一警示信号具有决定性；合规官的判断已记录在案。</translation>
    </message>
    <message>
        <source>Field audits with open discrepancies</source>
        <translation>存在未决差异的现场审计</translation>
    </message>
    <message>
        <source>Serials missing, unexpected or seen twice on site, or a failed checklist item: the party&apos;s orders are held (field_audit_discrepancy) until the officer records how it was resolved.</source>
        <translation>现场发现序列号缺失、意外或重复出现，或核对清单项未通过：在合规官记录处理方式之前，该当事方的订单将被暂扣 (field_audit_discrepancy)。</translation>
    </message>
    <message>
        <source>1 order on hold for Red Flag 28</source>
        <translation>1 个订单因第 28 号警示信号而暂扣</translation>
    </message>
    <message>
        <source>{count} orders on hold for Red Flag 28</source>
        <translation>{count} 个订单因第 28 号警示信号而暂扣</translation>
    </message>
    <message>
        <source> ({count} without a resolution)</source>
        <translation>（{count} 个尚未处理）</translation>
    </message>
    <message>
        <source>; 1 order whose latest checklist raised red flags.</source>
        <translation>；1 个订单的最新核对清单触发了警示信号。</translation>
    </message>
    <message>
        <source>; {count} orders whose latest checklist raised red flags.</source>
        <translation>；{count} 个订单的最新核对清单触发了警示信号。</translation>
    </message>
    <message>
        <source> 1 field audit with open discrepancies.</source>
        <translation> 1 次现场审计存在未决差异。</translation>
    </message>
    <message>
        <source> {count} field audits with open discrepancies.</source>
        <translation> {count} 次现场审计存在未决差异。</translation>
    </message>
    <message>
        <source>Resolve visit {visit} of {ref}</source>
        <translation>处理 {ref} 的第 {visit} 次访查</translation>
    </message>
    <message>
        <source>How were the {count} discrepancies found at {site} resolved? (kept in the audit log; the party&apos;s orders are then no longer held for it)</source>
        <translation>在 {site} 发现的 {count} 项差异是如何处理的？（记入审计日志；该当事方的订单将不再因此被暂扣）</translation>
    </message>
</context>
<context>
    <name>RulesetsPage</name>
    <message>
        <source>{number} operations</source>
        <translation>{number} 次运算</translation>
    </message>
    <message>
        <source>LPP limit per ultimate consignee per calendar year</source>
        <translation>每个最终收货人每个日历年的 LPP 限额</translation>
    </message>
    <message>
        <source>LPP closed to these roles</source>
        <translation>不适用 LPP 的角色</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>AIA certification must be filed with BIS from cumulative</source>
        <translation>AIA 认证须向 BIS 提交的累计起点</translation>
    </message>
    <message>
        <source>Tier 2 country allocation (licences)</source>
        <translation>第 2 层级国家分配额（许可证）</translation>
    </message>
    <message>
        <source>… with a government-to-government agreement (× {factor})</source>
        <translation>… 有政府间协议时（× {factor}）</translation>
    </message>
    <message>
        <source>… counted over</source>
        <translation>… 计算期间</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <source>UVEU: installed in Tier 1 at least</source>
        <translation>UVEU：在第 1 层级的安装量至少</translation>
    </message>
    <message>
        <source>UVEU: in any single Tier 2 country at most</source>
        <translation>UVEU：在任一第 2 层级国家至多</translation>
    </message>
    <message>
        <source>UVEU headquartered in {country}: there at least</source>
        <translation>UVEU 总部位于 {country}：在该国至少</translation>
    </message>
    <message>
        <source>3A090.a.1: TPP at least</source>
        <translation>3A090.a.1：TPP 至少</translation>
    </message>
    <message>
        <source>3A090.a.2: TPP and performance density at least</source>
        <translation>3A090.a.2：TPP 和性能密度至少</translation>
    </message>
    <message>
        <source>{tpp} and {density}</source>
        <translation>{tpp} 和 {density}</translation>
    </message>
    <message>
        <source>3A090.b.1: TPP and density from / below</source>
        <translation>3A090.b.1：TPP 和密度自 / 低于</translation>
    </message>
    <message>
        <source>3A090.b.2: TPP at least, density from / below</source>
        <translation>3A090.b.2：TPP 至少，密度自 / 低于</translation>
    </message>
    <message>
        <source>Non-datacenter ICs are 3A090.a from TPP</source>
        <translation>非数据中心集成电路自此 TPP 起属于 3A090.a</translation>
    </message>
    <message>
        <source>Model weights (4E091): trained with at least</source>
        <translation>模型权重 (4E091)：训练运算量至少</translation>
    </message>
    <message>
        <source>Red Flag 28: IaaS training runs of at least</source>
        <translation>第 28 号警示信号：IaaS 训练运算量至少</translation>
    </message>
    <message>
        <source>{period} (shipments from {date})</source>
        <translation>{period}（自 {date} 起的装运）</translation>
    </message>
    <message>
        <source>◀ today</source>
        <translation>◀ 今天</translation>
    </message>
    <message>
        <source>{country} ({code}): Tier {before} → Tier {after}</source>
        <translation>{country} ({code})：第 {before} 层级 → 第 {after} 层级</translation>
    </message>
    <message>
        <source>No tier changes from {id}.</source>
        <translation>与 {id} 相比层级无变化。</translation>
    </message>
    <message>
        <source>Changes from {id}:</source>
        <translation>与 {id} 相比的变化：</translation>
    </message>
    <message>
        <source>Where the rule is ambiguous</source>
        <translation>规则不明确之处</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>关键数字</translation>
    </message>
    <message>
        <source>NVEU installed-base caps</source>
        <translation>NVEU 安装量上限</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Tier 1&lt;/b&gt; ({count}; {basis}): {countries}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;第 1 层级&lt;/b&gt;（{count}；{basis}）：{countries}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Tier 3&lt;/b&gt; ({count}; {basis}): {countries}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;第 3 层级&lt;/b&gt;（{count}；{basis}）：{countries}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Tier 2&lt;/b&gt;: every other country ({basis}).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;第 2 层级&lt;/b&gt;：所有其他国家（{basis}）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>AIA certification wording</source>
        <translation>AIA 认证措辞</translation>
    </message>
    <message>
        <source>{regulation}, verbatim; the bracketed instructions are filled in on paper</source>
        <translation>{regulation}，原文照录；方括号中的说明在纸面上填写</translation>
    </message>
    <message>
        <source>Notice with each AIA shipment:</source>
        <translation>每次 AIA 装运随附的通知：</translation>
    </message>
    <message>
        <source>LPP certification wording</source>
        <translation>LPP 认证措辞</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Rulesets</source>
        <translation>规则集</translation>
    </message>
    <message>
        <source>Ruleset versions</source>
        <translation>规则集版本</translation>
    </message>
    <message>
        <source>Enforcement note</source>
        <translation>执法说明</translation>
    </message>
    <message>
        <source>Ruleset details</source>
        <translation>规则集详情</translation>
    </message>
    <message>
        <source>✓ In effect today</source>
        <translation>✓ 今日生效</translation>
    </message>
    <message>
        <source>Not yet in effect</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <source>from {date}</source>
        <translation>自 {date}</translation>
    </message>
    <message>
        <source> until {date}</source>
        <translation> 至 {date}</translation>
    </message>
    <message>
        <source>in effect today</source>
        <translation>今日生效</translation>
    </message>
    <message>
        <source>not yet in effect</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <source>superseded</source>
        <translation>已被取代</translation>
    </message>
    <message>
        <source>Ruleset {id} · effective from {date}</source>
        <translation>规则集 {id} · 自 {date} 起生效</translation>
    </message>
    <message>
        <source>⚠ Enforcement: {note}</source>
        <translation>⚠ 执法：{note}</translation>
    </message>
</context>
<context>
    <name>ScreeningCompare</name>
    <message>
        <source>the party&apos;s countries agree with the entry&apos;s</source>
        <translation>当事方的国家与条目的国家一致</translation>
    </message>
    <message>
        <source>the party&apos;s countries differ from the entry&apos;s (the score is a little lower)</source>
        <translation>当事方的国家与条目的国家不同（得分略低）</translation>
    </message>
    <message>
        <source>the entry names no country to compare</source>
        <translation>条目未列出可比较的国家</translation>
    </message>
    <message>
        <source>(read as: {words})</source>
        <translation>（识读为：{words}）</translation>
    </message>
    <message>
        <source>Met by its {role}</source>
        <translation>由其 {role} 匹配</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>the party is no longer on file</source>
        <translation>该当事方已不在存档中</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>法定名称</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Ultimate parent</source>
        <translation>最终母公司</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>located in {country}; headquartered in {hq}</source>
        <translation>位于 {country}；总部位于 {hq}</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Name that met</source>
        <translation>匹配的名称</translation>
    </message>
    <message>
        <source>List</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>the entry is not in the snapshot in use</source>
        <translation>该条目不在当前使用的快照中</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Licence requirement</source>
        <translation>许可证要求</translation>
    </message>
    <message>
        <source>Licence policy</source>
        <translation>许可证政策</translation>
    </message>
    <message>
        <source>FR notice</source>
        <translation>《联邦公报》通知</translation>
    </message>
    <message>
        <source>Listed since</source>
        <translation>列入日期</translation>
    </message>
    <message>
        <source>Programs</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ScreeningHistory</name>
    <message>
        <source>✕ True match</source>
        <translation>✕ 真实匹配</translation>
    </message>
    <message>
        <source>✓ False positive</source>
        <translation>✓ 误报</translation>
    </message>
    <message>
        <source>no potential match</source>
        <translation>无潜在匹配</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>快照</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>时间 (UTC)</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>匹配数</translation>
    </message>
    <message>
        <source>What it found</source>
        <translation>发现内容</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>裁定</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>Screening history of {ref}</source>
        <translation>{ref} 的筛查历史</translation>
    </message>
</context>
<context>
    <name>ScreeningLists</name>
    <message>
        <source>List files (*.csv *.json);;CSV (*.csv);;JSON (*.json);;All files (*)</source>
        <translation>名单文件 (*.csv *.json);;CSV (*.csv);;JSON (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{added} added, {removed} removed, {changed} changed</source>
        <translation>新增 {added}，删除 {removed}，更改 {changed}</translation>
    </message>
    <message>
        <source>No restricted-party list imported yet: import the Consolidated Screening List (CSV or JSON) or a list of your own to screen the parties.</source>
        <translation>尚未导入受限方名单：请导入综合筛查名单（CSV 或 JSON）或自有名单以筛查当事方。</translation>
    </message>
    <message>
        <source>Snapshot {id} in use: {file}, imported {when} UTC by {officer}; {total} entries. Since the previous snapshot: {changes}.</source>
        <translation>快照 {id} 正在使用：{file}，由 {officer} 于 {when} UTC 导入；共 {total} 个条目。自上一个快照以来：{changes}。</translation>
    </message>
    <message>
        <source>{source}: {before} entries before, none now</source>
        <translation>{source}：之前 {before} 个条目，现在没有</translation>
    </message>
    <message>
        <source>{source}: {before} entries before, {after} now ({lost} % fewer)</source>
        <translation>{source}：之前 {before} 个条目，现在 {after} 个（减少 {lost} %）</translation>
    </message>
    <message>
        <source>A list source vanished or shrank</source>
        <translation>某个名单来源消失或缩减</translation>
    </message>
    <message>
        <source>{file} has fewer entries than the snapshot in use in {count} source(s), more than the {percent} % the published files may lose on a bad day:</source>
        <translation>{file} 在 {count} 个来源中的条目少于当前使用的快照，超过了公布文件在异常情况下可能减少的 {percent} %：</translation>
    </message>
    <message>
        <source>Take this file into use anyway? Matches against the missing entries would no longer be found.</source>
        <translation>仍要使用此文件吗？将无法再找到与缺失条目的匹配。</translation>
    </message>
    <message>
        <source>Take it into use</source>
        <translation>投入使用</translation>
    </message>
    <message>
        <source>{file} holds exactly the entries of the snapshot in use: nothing to import.</source>
        <translation>{file} 与当前使用的快照条目完全相同：无需导入。</translation>
    </message>
    <message>
        <source>{file} ({format}, {count} entries): {changes}.</source>
        <translation>{file}（{format}，{count} 个条目）：{changes}。</translation>
    </message>
</context>
<context>
    <name>ScreeningMarks</name>
    <message>
        <source>exact</source>
        <translation>完全</translation>
    </message>
    <message>
        <source>fuzzy</source>
        <translation>模糊</translation>
    </message>
    <message>
        <source>transliterated</source>
        <translation>音译</translation>
    </message>
    <message>
        <source>translated</source>
        <translation>翻译</translation>
    </message>
    <message>
        <source>generic word, little weight</source>
        <translation>通用词，权重低</translation>
    </message>
    <message>
        <source>, 1 letter apart</source>
        <translation>，相差 1 个字母</translation>
    </message>
    <message>
        <source>, {count} letters apart</source>
        <translation>，相差 {count} 个字母</translation>
    </message>
    <message>
        <source>“{left}” met “{right}”: {how}</source>
        <translation>“{left}”匹配“{right}”：{how}</translation>
    </message>
    <message>
        <source>transliterated or translated</source>
        <translation>音译或翻译</translation>
    </message>
    <message>
        <source>Words that met: </source>
        <translation>匹配的词语：</translation>
    </message>
</context>
<context>
    <name>ScreeningPage</name>
    <message>
        <source>Screening</source>
        <translation>筛查</translation>
    </message>
    <message>
        <source>the screening queue</source>
        <translation>筛查队列</translation>
    </message>
    <message>
        <source>Potential matches to decide</source>
        <translation>待决定的潜在匹配</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>&amp;Import list…</source>
        <translation>导入名单(&amp;I)…</translation>
    </message>
    <message>
        <source>Import the Consolidated Screening List (CSV or JSON) or a list of your own; a dry run shows what changes first</source>
        <translation>导入综合筛查名单（CSV 或 JSON）或自有名单；先进行试运行以显示变化</translation>
    </message>
    <message>
        <source>&amp;Re-screen all parties</source>
        <translation>重新筛查所有当事方(&amp;R)</translation>
    </message>
    <message>
        <source>Screen every party again against the snapshot in use</source>
        <translation>根据当前使用的快照重新筛查每个当事方</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <source>The alert threshold and the second officer&apos;s approval</source>
        <translation>警报阈值和第二名合规官的批准</translation>
    </message>
    <message>
        <source>Re-screening progress</source>
        <translation>重新筛查进度</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop after the current batch</source>
        <translation>在当前批次完成后停止</translation>
    </message>
    <message>
        <source>&amp;True match  [T]</source>
        <translation>真实匹配(&amp;T)  [T]</translation>
    </message>
    <message>
        <source>Fa&amp;lse positive  [F]</source>
        <translation>误报(&amp;L)  [F]</translation>
    </message>
    <message>
        <source>Reason for the decision</source>
        <translation>决定的理由</translation>
    </message>
    <message>
        <source>Press T or F, then say why; Enter records it</source>
        <translation>按 T 或 F，然后说明理由；按 Enter 记录</translation>
    </message>
    <message>
        <source>Re&amp;ason:</source>
        <translation>理由(&amp;A)：</translation>
    </message>
    <message>
        <source>Supporting document (optional)</source>
        <translation>证明文件（可选）</translation>
    </message>
    <message>
        <source>Optional: code, file or reference</source>
        <translation>可选：代码、文件或参考资料</translation>
    </message>
    <message>
        <source>Doc&amp;ument:</source>
        <translation>文件(&amp;U)：</translation>
    </message>
    <message>
        <source>Rec&amp;ord  [Enter]</source>
        <translation>记录(&amp;O)  [Enter]</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation>记录该决定</translation>
    </message>
    <message>
        <source>A&amp;pprove  [A]</source>
        <translation>批准(&amp;P)  [A]</translation>
    </message>
    <message>
        <source>A second officer approves clearing this strong match</source>
        <translation>由第二名合规官批准排除此强匹配</translation>
    </message>
    <message>
        <source>&amp;History…  [H]</source>
        <translation>历史(&amp;H)…  [H]</translation>
    </message>
    <message>
        <source>Every screening and disposition of the selected party</source>
        <translation>所选当事方的每次筛查和处置</translation>
    </message>
    <message>
        <source>True match</source>
        <translation>真实匹配</translation>
    </message>
    <message>
        <source>False positive</source>
        <translation>误报</translation>
    </message>
    <message>
        <source>Entries per list: {counts}. Alert threshold {threshold}; </source>
        <translation>各名单条目数：{counts}。警报阈值 {threshold}；</translation>
    </message>
    <message>
        <source>a second officer approves clearing strong matches.</source>
        <translation>排除强匹配需第二名合规官批准。</translation>
    </message>
    <message>
        <source>no second approval.</source>
        <translation>无需第二人批准。</translation>
    </message>
    <message>
        <source>Potential matches to decide: {count}</source>
        <translation>待决定的潜在匹配：{count}</translation>
    </message>
    <message>
        <source>Potential matches to decide: none</source>
        <translation>待决定的潜在匹配：无</translation>
    </message>
    <message>
        <source>Nothing to decide: every potential match against the snapshot in use is decided.</source>
        <translation>无需决定：针对当前快照的所有潜在匹配均已决定。</translation>
    </message>
    <message>
        <source>Import a restricted-party list to screen the parties.</source>
        <translation>导入受限方名单以筛查当事方。</translation>
    </message>
    <message>
        <source>True match: choose or write the reason, then press Enter to record it.</source>
        <translation>真实匹配：选择或填写理由，然后按 Enter 记录。</translation>
    </message>
    <message>
        <source>False positive: choose or write the reason, then press Enter to record it.</source>
        <translation>误报：选择或填写理由，然后按 Enter 记录。</translation>
    </message>
    <message>
        <source>Choose first: T for a true match, F for a false positive.</source>
        <translation>请先选择：T 表示真实匹配，F 表示误报。</translation>
    </message>
    <message>
        <source>Say why: a decision needs a reason.</source>
        <translation>请说明理由：决定需要理由。</translation>
    </message>
    <message>
        <source>Approved by {officer} for {ref} ({reason}).</source>
        <translation>已由 {officer} 批准 {ref}（{reason}）。</translation>
    </message>
    <message>
        <source>Recorded: true match for {ref} ({reason}).</source>
        <translation>已记录：{ref} 为真实匹配（{reason}）。</translation>
    </message>
    <message>
        <source>Recorded: false positive for {ref} ({reason}).</source>
        <translation>已记录：{ref} 为误报（{reason}）。</translation>
    </message>
    <message>
        <source>Not recorded: {reason}</source>
        <translation>未记录：{reason}</translation>
    </message>
    <message>
        <source>Import a restricted-party list</source>
        <translation>导入受限方名单</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>Not imported: {file} was set aside.</source>
        <translation>未导入：{file} 已搁置。</translation>
    </message>
    <message>
        <source>Taking {file} into use…</source>
        <translation>正在启用 {file}…</translation>
    </message>
    <message>
        <source>Snapshot {id}</source>
        <translation>快照 {id}</translation>
    </message>
    <message>
        <source>The snapshot</source>
        <translation>该快照</translation>
    </message>
    <message>
        <source>{snapshot} is in use ({changes}) Re-screen all parties now to find what the changes affect.</source>
        <translation>{snapshot} 已在使用（{changes}）。请立即重新筛查所有当事方，以找出变化的影响。</translation>
    </message>
    <message>
        <source>Not imported: {reason}</source>
        <translation>未导入：{reason}</translation>
    </message>
    <message>
        <source>Re-screening every party…</source>
        <translation>正在重新筛查每个当事方…</translation>
    </message>
    <message>
        <source>Stopping after the current batch; the parties screened so far keep their result…</source>
        <translation>将在当前批次完成后停止；已筛查的当事方保留其结果…</translation>
    </message>
    <message>
        <source>{what}: {done} of {total}</source>
        <translation>{what}：{done} / {total}</translation>
    </message>
    <message>
        <source>Stopped: {done} of {total} parties re-screened; the others keep their earlier screening.</source>
        <translation>已停止：已重新筛查 {done} / {total} 个当事方；其余保留之前的筛查结果。</translation>
    </message>
    <message>
        <source>All {total} parties re-screened: {found} with potential matches.</source>
        <translation>已重新筛查全部 {total} 个当事方：{found} 个存在潜在匹配。</translation>
    </message>
    <message>
        <source>Re-screening stopped: {reason}</source>
        <translation>重新筛查已停止：{reason}</translation>
    </message>
</context>
<context>
    <name>ScreeningQueue</name>
    <message>
        <source>● Pending</source>
        <translation>● 待处理</translation>
    </message>
    <message>
        <source>↻ Reopened: entry changed</source>
        <translation>↻ 已重新打开：条目已更改</translation>
    </message>
    <message>
        <source>⧗ Awaiting approval</source>
        <translation>⧗ 等待批准</translation>
    </message>
    <message>
        <source>✕ True match</source>
        <translation>✕ 真实匹配</translation>
    </message>
    <message>
        <source>✓ Cleared</source>
        <translation>✓ 已排除</translation>
    </message>
    <message>
        <source> (cleared by {officer})</source>
        <translation>（由 {officer} 排除）</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事方</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>List</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>List entry</source>
        <translation>名单条目</translation>
    </message>
    <message>
        <source>Matched names</source>
        <translation>匹配的名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ScreeningSettingsDialog</name>
    <message>
        <source>Screening settings</source>
        <translation>筛查设置</translation>
    </message>
    <message>
        <source>Alert threshold</source>
        <translation>警报阈值</translation>
    </message>
    <message>
        <source>Clearing a strong match needs a second officer&apos;s approval</source>
        <translation>排除强匹配需要第二名合规官批准</translation>
    </message>
    <message>
        <source>Second approval</source>
        <translation>第二人批准</translation>
    </message>
    <message>
        <source>A name pair scored at or above the threshold is a potential match. A new threshold applies at once: every party is screened again (Stop keeps what is done; an order check screens a party not yet screened at it). A second officer approves clearing a match scored {score} or more, when asked for here.</source>
        <translation>得分达到或超过阈值的名称对即为潜在匹配。新阈值立即生效：所有当事方将重新筛查（“停止”会保留已完成的部分；订单检查会筛查尚未按该阈值筛查的当事方）。若在此处勾选，排除得分 {score} 或以上的匹配需第二名合规官批准。</translation>
    </message>
    <message>
        <source>&amp;Alert threshold:</source>
        <translation>警报阈值(&amp;A)：</translation>
    </message>
    <message>
        <source>Internal error: </source>
        <translation>内部错误：</translation>
    </message>
    <message>
        <source>Not saved: </source>
        <translation>未保存：</translation>
    </message>
</context>
<context>
    <name>SignedReturnDialog</name>
    <message>
        <source>Signed copy of {number} returned</source>
        <translation>{number} 的签字副本已返回</translation>
    </message>
    <message>
        <source>Recording the signed copy records the consignee&apos;s AIA certification as of the signing date; orders held for a missing certification pass when checked again.</source>
        <translation>记录签字副本即按签署日期记录收货人的 AIA 认证；因缺少认证而暂扣的订单在重新检查后即可放行。</translation>
    </message>
    <message>
        <source>Recording the signed copy records the consignee&apos;s LPP certification for the year.</source>
        <translation>记录签字副本即记录收货人该年度的 LPP 认证。</translation>
    </message>
    <message>
        <source>Jane Doe, Chief Compliance Officer
John Roe, CEO</source>
        <translation>张三，首席合规官
李四，首席执行官</translation>
    </message>
    <message>
        <source>The consignee attests that model weights are stored securely</source>
        <translation>收货人证明模型权重已安全存储</translation>
    </message>
    <message>
        <source>as on file</source>
        <translation>与存档一致</translation>
    </message>
    <message>
        <source>Signed on:</source>
        <translation>签署日期：</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>签署人：</translation>
    </message>
    <message>
        <source>One person per line, as they signed: name, title.</source>
        <translation>每行一人，按签署时填写：姓名、职务。</translation>
    </message>
    <message>
        <source>Weights storage:</source>
        <translation>权重存储：</translation>
    </message>
    <message>
        <source>This statement did not carry the model-weight storage attestation; generate one with it for the consignee to sign.</source>
        <translation>此声明未附模型权重存储证明；请生成一份附有该证明的声明供收货人签署。</translation>
    </message>
    <message>
        <source>Prior receipts (TPP):</source>
        <translation>先前接收量 (TPP)：</translation>
    </message>
    <message>
        <source>What the signer declared as received from other exporters this year; leave empty to keep the figure on file.</source>
        <translation>签署人声明的本年度从其他出口商接收的数量；留空则保留存档中的数值。</translation>
    </message>
    <message>
        <source>Name at least one person who signed.</source>
        <translation>请至少填写一名签署人。</translation>
    </message>
    <message>
        <source>Prior receipts: {problem}.</source>
        <translation>先前接收量：{problem}。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Not recorded: {reason}. Everything you entered is still here.</source>
        <translation>未记录：{reason}。您输入的所有内容仍在此处。</translation>
    </message>
</context>
<context>
    <name>StandingPanel</name>
    <message>
        <source>LPP this year</source>
        <translation>本年度 LPP</translation>
    </message>
    <message>
        <source>AIA cumulative</source>
        <translation>AIA 累计</translation>
    </message>
    <message>
        <source>VEU footprint</source>
        <translation>VEU 部署规模</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>涵盖范围</translation>
    </message>
    <message>
        <source>Authorized TPP</source>
        <translation>授权 TPP</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>许可证</translation>
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
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Show all orders of this party</source>
        <translation>显示该当事方的所有订单</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>访查</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>签核日期</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
    <message>
        <source>Discrepancies</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Record how the discrepancies were resolved…</source>
        <translation>记录差异的处理结果…</translation>
    </message>
    <message>
        <source>The party&apos;s orders stay held until the officer records a resolution (audited)</source>
        <translation>在合规官记录处理结果（经审计）之前，该当事方的订单将保持暂扣</translation>
    </message>
    <message>
        <source>Field audits</source>
        <translation>现场审计</translation>
    </message>
    <message>
        <source>Select a party to see its standing.</source>
        <translation>选择一个当事方以查看其状况。</translation>
    </message>
    <message>
        <source>Standing on {date} under ruleset {ruleset}. Figures count a-level TPP only.</source>
        <translation>截至 {date}，依据规则集 {ruleset}。数字仅计入 a 级 TPP。</translation>
    </message>
    <message>
        <source>{exception} cannot be used: {why}.</source>
        <translation>{exception} 无法使用：{why}。</translation>
    </message>
    <message>
        <source>LPP {year} · {rule}</source>
        <translation>LPP {year} · {rule}</translation>
    </message>
    <message>
        <source>LPP certification for {year} on file (prior receipts {prior} TPP).</source>
        <translation>已存档 {year} 年的 LPP 认证（先前接收量 {prior} TPP）。</translation>
    </message>
    <message>
        <source>No LPP certification for {year} on file: LPP cannot be used until one is.</source>
        <translation>未存档 {year} 年的 LPP 认证：存档之前不能使用 LPP。</translation>
    </message>
    <message>
        <source>Prior receipts {prior} + our LPP shipments {shipped} in {year}, against the limit of {limit} TPP per consignee per calendar year.</source>
        <translation>先前接收量 {prior} + 我方 {year} 年 LPP 装运量 {shipped}，对照每个收货人每个日历年 {limit} TPP 的限额。</translation>
    </message>
    <message>
        <source>{used} of {limit} TPP</source>
        <translation>{used} / {limit} TPP</translation>
    </message>
    <message>
        <source>No AIA certification on file: AIA cannot be used until one is recorded.</source>
        <translation>未存档 AIA 认证：记录之前不能使用 AIA。</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>not in force</source>
        <translation>未生效</translation>
    </message>
    <message>
        <source> (revoked {date})</source>
        <translation>（已于 {date} 撤销）</translation>
    </message>
    <message>
        <source>submitted to BIS on {date}</source>
        <translation>已于 {date} 提交给 BIS</translation>
    </message>
    <message>
        <source>not yet submitted to BIS</source>
        <translation>尚未提交给 BIS</translation>
    </message>
    <message>
        <source>AIA certification signed {date}, {state}; {filed}.</source>
        <translation>AIA 认证签署于 {date}，{state}；{filed}。</translation>
    </message>
    <message>
        <source>Cumulative AIA shipments, all time. {left} TPP to go before the AIA certification must have been submitted to BIS ({threshold} TPP).</source>
        <translation>AIA 累计装运量（全部时间）。距 AIA 认证必须已提交给 BIS 的阈值（{threshold} TPP）还差 {left} TPP。</translation>
    </message>
    <message>
        <source>Cumulative AIA shipments, all time. Threshold reached: the AIA certification must have been submitted to BIS ({threshold} TPP).</source>
        <translation>AIA 累计装运量（全部时间）。已达到阈值：AIA 认证必须已提交给 BIS（{threshold} TPP）。</translation>
    </message>
    <message>
        <source>(no authorization number)</source>
        <translation>（无授权编号）</translation>
    </message>
    <message>
        <source>{holder}: {tpp} TPP installed in 1 country (other sources plus our VEU shipments).</source>
        <translation>{holder}：在 1 个国家安装了 {tpp} TPP（其他来源加上我方 VEU 装运）。</translation>
    </message>
    <message>
        <source>{holder}: {tpp} TPP installed in {count} countries (other sources plus our VEU shipments).</source>
        <translation>{holder}：在 {count} 个国家安装了 {tpp} TPP（其他来源加上我方 VEU 装运）。</translation>
    </message>
    <message>
        <source> Installed base in {country} against the cumulative NVEU cap for {period}:</source>
        <translation> {country} 的安装量对照 {period} 的累计 NVEU 上限：</translation>
    </message>
    <message>
        <source>✓ within</source>
        <translation>✓ 在限额内</translation>
    </message>
    <message>
        <source>✕ outside</source>
        <translation>✕ 超出限额</translation>
    </message>
    <message>
        <source>at least {limit})</source>
        <translation>至少 {limit}）</translation>
    </message>
    <message>
        <source>at most {limit})</source>
        <translation>至多 {limit}）</translation>
    </message>
    <message>
        <source>UVEU limits after each shipment:</source>
        <translation>每次装运后的 UVEU 限额：</translation>
    </message>
    <message>
        <source>An NVEU holder&apos;s installed base in its authorized country must stay within the cumulative cap of the shipment&apos;s quarter.</source>
        <translation>NVEU 持有者在其授权国家的安装量必须保持在装运所在季度的累计上限之内。</translation>
    </message>
    <message>
        <source>No footprint recorded yet.</source>
        <translation>尚未记录部署规模。</translation>
    </message>
    <message>
        <source>Model weights</source>
        <translation>模型权重</translation>
    </message>
    <message>
        <source>a-level ICs/systems</source>
        <translation>a 级集成电路/系统</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <source> (not valid today)</source>
        <translation>（今天无效）</translation>
    </message>
    <message>
        <source>No licences on file for this party.</source>
        <translation>该当事方没有存档的许可证。</translation>
    </message>
    <message>
        <source>Orders ({count})</source>
        <translation>订单（{count}）</translation>
    </message>
    <message>
        <source>, latest {count}</source>
        <translation>，最近 {count} 个</translation>
    </message>
    <message>
        <source>Open the Orders page filtered by {ref}</source>
        <translation>打开按 {ref} 筛选的订单页面</translation>
    </message>
    <message>
        <source>Record how the discrepancies of visit {visit} were resolved…</source>
        <translation>记录第 {visit} 次访查差异的处理结果…</translation>
    </message>
    <message>
        <source>open: orders held</source>
        <translation>未结：订单暂扣</translation>
    </message>
    <message>
        <source>resolved {date}</source>
        <translation>已于 {date} 处理</translation>
    </message>
    <message>
        <source>no discrepancies</source>
        <translation>无差异</translation>
    </message>
    <message>
        <source>No field audit of {ref} has been merged. A kit (`kit export`) takes the desk to the site; `kit merge` brings the visit back.</source>
        <translation>尚未合并 {ref} 的现场审计。审计包（`kit export`）将工作台带到现场；`kit merge` 将访查结果带回。</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify a document</source>
        <translation>验证文件</translation>
    </message>
    <message>
        <source>Check a paper copy against the registry: open the PDF file, or type the verification code printed at the foot of each page (any case; spaces and dashes do not matter).</source>
        <translation>根据登记簿核对纸质副本：打开 PDF 文件，或输入每页页脚印有的验证码（不区分大小写；空格和短横线无关紧要）。</translation>
    </message>
    <message>
        <source>The PDF file to check</source>
        <translation>要核对的 PDF 文件</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Verify file</source>
        <translation>验证文件</translation>
    </message>
    <message>
        <source>Verify code</source>
        <translation>验证代码</translation>
    </message>
    <message>
        <source>PDF file:</source>
        <translation>PDF 文件：</translation>
    </message>
    <message>
        <source>Or the code:</source>
        <translation>或代码：</translation>
    </message>
    <message>
        <source>Reading PDF files is not set up here; type the code</source>
        <translation>此处未设置读取 PDF 文件的功能；请输入代码</translation>
    </message>
    <message>
        <source>Open the PDF to verify</source>
        <translation>打开要验证的 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Choose the PDF file to verify.</source>
        <translation>请选择要验证的 PDF 文件。</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>正在检查 {file}…</translation>
    </message>
    <message>
        <source>Type the verification code printed on the paper.</source>
        <translation>请输入纸质文件上印有的验证码。</translation>
    </message>
    <message>
        <source>Checking the code {code}…</source>
        <translation>正在检查代码 {code}…</translation>
    </message>
    <message>
        <source>Not verified: {reason}</source>
        <translation>未验证：{reason}</translation>
    </message>
    <message>
        <source>Cannot tell from the file: {reason}.</source>
        <translation>无法从文件判断：{reason}。</translation>
    </message>
    <message>
        <source>The registered document:</source>
        <translation>登记的文件：</translation>
    </message>
    <message>
        <source>The registered document this file claims to be:</source>
        <translation>此文件声称对应的登记文件：</translation>
    </message>
</context>
<context>
    <name>VeuChart</name>
    <message>
        <source>Share of installed a-level TPP, by country</source>
        <translation>各国已安装 a 级 TPP 占比</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>% of installed TPP</source>
        <translation>占已安装 TPP 的百分比</translation>
    </message>
</context>
</TS>
