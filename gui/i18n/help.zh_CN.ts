<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>unknown (not installed as a package)</source>
        <translation>未知（未作为软件包安装）</translation>
    </message>
    <message>
        <source>not made yet (made with the first field-audit kit)</source>
        <translation>尚未生成（在导出第一个现场审计包时生成）</translation>
    </message>
    <message>
        <source>{product} version {version}</source>
        <translation>{product} 版本 {version}</translation>
    </message>
    <message>
        <source>Database: {database}</source>
        <translation>数据库：{database}</translation>
    </message>
    <message>
        <source>Officer: {officer}</source>
        <translation>合规官：{officer}</translation>
    </message>
    <message>
        <source>Ruleset in effect today ({today}): {ruleset}, effective from {since}</source>
        <translation>今天（{today}）生效的规则集：{ruleset}，自 {since} 起生效</translation>
    </message>
    <message>
        <source>Log file: {path}</source>
        <translation>日志文件：{path}</translation>
    </message>
    <message>
        <source>Desk signing key: {fingerprint}</source>
        <translation>本软件签名密钥：{fingerprint}</translation>
    </message>
    <message>
        <source>Interpreter: {path}</source>
        <translation>解释器：{path}</translation>
    </message>
    <message>
        <source>About {product}</source>
        <translation>关于 {product}</translation>
    </message>
    <message>
        <source>Export compliance for AI chips, AI servers and model weights under the AI Diffusion Framework: classification, country tiers, quotas, Validated End Users, licences, and a record that cannot be changed unnoticed.</source>
        <translation>依据《人工智能扩散框架》对 AI 芯片、AI 服务器和模型权重进行出口合规管理：分类、国家层级、配额、经验证最终用户 (VEU)、许可证，以及任何改动都无法不被察觉的记录。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>{product}: user guide</source>
        <translation>{product}：用户指南</translation>
    </message>
    <message>
        <source>The user guide could not be read: {error}</source>
        <translation>无法读取用户指南：{error}</translation>
    </message>
    <message>
        <source>the guide</source>
        <translation>指南</translation>
    </message>
    <message>
        <source>Search the guide</source>
        <translation>搜索指南</translation>
    </message>
    <message>
        <source>&amp;Topics</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Topics of the guide</source>
        <translation>指南主题</translation>
    </message>
    <message>
        <source>Page of the guide</source>
        <translation>指南页面</translation>
    </message>
    <message>
        <source>Nothing in the guide mentions “{typed}”.</source>
        <translation>指南中没有提到“{typed}”的内容。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Everywhere</source>
        <translation>所有界面</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>适用位置</translation>
    </message>
    <message>
        <source>Keys marked for a screen work while that screen is shown. In the order form: Ctrl+S saves, Ctrl+Shift+S saves and checks, Ctrl+L adds a line, Ctrl+Del removes the line you are in. F1 opens the user guide at the page of the screen in front.</source>
        <translation>标明某个界面的按键仅在显示该界面时有效。在订单表单中：Ctrl+S 保存，Ctrl+Shift+S 保存并检查，Ctrl+L 添加一行，Ctrl+Del 删除当前行。F1 打开用户指南中与当前界面对应的页面。</translation>
    </message>
</context>
</TS>
