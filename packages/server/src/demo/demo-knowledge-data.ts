// The demo's knowledge base: categories named like the ticket categories (a solved ticket turned into
// an article lands in the category of the same name) and published articles answering the demo's
// common tickets — Chinese, and a few in English for the English-speaking customers.

export const KB_CATEGORIES = ['打印机', '电脑', '网络设备', '登录', '账号', '电梯', '发票', '退款', '配送', '服务说明'] as const;
export type KbCategoryName = (typeof KB_CATEGORIES)[number];

export interface DemoArticle {
  category: KbCategoryName;
  title: string;
  body: string;
  tags: string[];
  audience?: 'public' | 'internal';
}

const steps = (...s: string[]) => `<ol>${s.map((x) => `<li>${x}</li>`).join('')}</ol>`;

export const KB_ARTICLES: DemoArticle[] = [
  { category: '打印机', title: '打印机卡纸怎么处理', tags: ['卡纸', '打印机'], body: `<p>打印机提示卡纸或无法进纸时，请按以下步骤处理：</p>${steps('关闭打印机电源，等待定影器冷却 5 分钟', '打开前盖和后盖，顺着进纸方向慢慢取出卡住的纸张', '检查纸盒：纸张不要超过最大刻度，受潮或卷曲的纸请更换', '用干布清理搓纸轮上的纸屑后重新开机')}<p>如果一天内反复卡纸，多半是搓纸轮老化，请报修更换。</p>` },
  { category: '打印机', title: '打印件有黑条、黑线或字迹模糊', tags: ['硒鼓', '打印质量'], body: `<p>打印件出现竖向黑条或整页发灰，通常与硒鼓或定影组件有关。</p>${steps('取出硒鼓，左右轻轻摇晃几下后装回', '在打印机菜单里运行“清洁页”', '仍有黑条时更换新硒鼓（型号见硒鼓标签）')}<p>换硒鼓后仍有问题，请报修由工程师检查定影器。</p>` },
  { category: '打印机', title: '打印机提示“硒鼓寿命已尽”', tags: ['硒鼓', '耗材'], body: '<p>该提示表示硒鼓计数已到设定寿命，打印质量可能下降但仍可继续打印。</p><p>行政部备有常用型号的硒鼓，可在服务台领取；没有库存时提交报修，备注打印机型号即可。</p>' },
  { category: '打印机', title: '网络打印机显示脱机', tags: ['脱机', '网络打印机'], body: `<p>整个部门都无法打印、电脑上显示“脱机”时：</p>${steps('确认打印机已开机、面板无报错', '在打印机面板查看 IP 地址，与电脑上添加的端口是否一致', '在电脑“设备和打印机”中右键打印机，取消勾选“脱机使用打印机”', '重启打印机后再试')}<p>IP 地址变了的，请联系 IT 设置固定地址。</p>` },
  { category: '打印机', title: '复印机扫描件发不到邮箱', tags: ['扫描', '邮箱'], body: '<p>扫描到邮箱失败多半是发件邮箱密码已修改或 SMTP 设置变化。请管理员在复印机网页后台“扫描设置”中更新发件账号和授权码，然后发送测试扫描。</p>' },
  { category: '电脑', title: '电脑开机蓝屏的自助排查', tags: ['蓝屏', '电脑'], body: `<p>蓝屏时请先拍下屏幕上的错误代码，再尝试：</p>${steps('拔掉新接的外设（U 盘、扩展坞）后重启', '连续开机三次进入“自动修复”，选择“系统还原”到最近的还原点', '错误代码 0x0000007B 通常与硬盘模式有关，请报修')}<p>反复蓝屏请不要继续使用，以免数据损坏。</p>` },
  { category: '电脑', title: '电脑运行特别慢怎么办', tags: ['卡顿', '电脑'], body: `${steps('打开任务管理器，看 CPU、内存、磁盘哪个占用接近 100%', '关闭不用的浏览器标签页和开机自启软件', '系统盘剩余空间少于 10 GB 时清理“下载”和回收站', '重启电脑让系统更新完成')}<p>开机超过十分钟的老电脑，可申请加装固态硬盘。</p>` },
  { category: '电脑', title: '笔记本电池鼓包的处理', tags: ['电池', '笔记本', '安全'], body: '<p><b>电池鼓包有起火风险</b>：请立即关机、拔掉电源，不要按压或继续充电，把电脑放在远离易燃物的地方，并报修更换电池。</p>' },
  { category: '电脑', title: '显示器无信号、黑屏', tags: ['显示器', '黑屏'], body: `${steps('确认显示器电源灯亮，按显示器菜单键切换输入源（HDMI / DP）', '重新插拔视频线两端，或换一根线', '独立显卡的主机，线要插在显卡上而不是主板接口')}` },
  { category: '电脑', title: '疑似中勒索病毒的紧急处理流程', tags: ['病毒', '安全'], audience: 'internal', body: `<p>内部流程：文件后缀被改、出现勒索提示时</p>${steps('立即拔网线、断开 Wi-Fi，不要关机', '通知信息安全负责人，登记受影响的电脑和共享目录', '不要支付赎金，不要自行运行解密工具', '由安全组从备份恢复数据并重装系统')}` },
  { category: '网络设备', title: '新电脑连不上公司无线网络', tags: ['Wi-Fi', '无线'], body: '<p>公司无线网络需要使用域账号认证：选择“Company-WiFi”，身份验证选 PEAP，输入域账号和密码，证书选择“不验证”。访客请连接“Company-Guest”并在前台领取当日密码。</p>' },
  { category: '网络设备', title: 'VPN 连不上或提示认证超时', tags: ['VPN', '远程办公'], body: `${steps('确认本地网络正常（能打开网页）', '检查 VPN 客户端是否为最新版本，旧版本证书已过期', '用户名只填工号，不加域名前缀', '仍提示超时，请切换手机热点再试，排除家庭路由器限制')}<p>账号被锁定时请见《账号被锁定如何解锁》。</p>` },
  { category: '网络设备', title: '会议室 Wi-Fi 信号差、经常掉线', tags: ['Wi-Fi', '会议室'], body: '<p>会议室人多时请优先连接 5G 频段（名称带 -5G），并关闭电脑的“随机硬件地址”。持续掉线请报修，注明会议室编号，网络组会检查该区域的 AP。</p>' },
  { category: '网络设备', title: '整层断网的排查步骤', tags: ['断网', '交换机'], audience: 'internal', body: `<p>内部排查顺序：</p>${steps('确认同层其他终端是否都断网（单台还是整层）', '查看楼层弱电间交换机电源和上联口指示灯', '登录网管查看核心交换机对应端口状态和告警', '端口频繁 up/down 时检查光模块和跳线')}` },
  { category: '网络设备', title: '收银机联网很慢、结账卡顿', tags: ['收银', '网络延迟'], body: '<p>请先重启收银机和门店路由器；若门店同时在播放视频或下载大文件，请暂停。仍然很慢请报修并注明门店编号，网络组会远程检查线路延迟。</p>' },
  { category: '登录', title: '密码正确却提示“密码错误”', tags: ['密码', '登录'], body: `${steps('确认大小写锁定和输入法（中文输入法下可能输入全角字符）', '确认登录的是正确的系统地址', '近期改过密码的，手机和邮箱客户端里保存的旧密码会导致账号被锁，请一并更新')}<p>仍不能登录请使用“忘记密码”自助重置。</p>` },
  { category: '登录', title: '收不到短信验证码', tags: ['验证码', '短信'], body: '<p>请检查手机是否开启了短信拦截（“骚扰拦截”里常能找到），并确认账号绑定的手机号是否正确。60 秒后可重新获取，一天内最多获取 10 次。换了手机号请见《如何修改绑定手机号》。</p>' },
  { category: '登录', title: '企业微信扫码登录失败', tags: ['企业微信', '扫码登录'], body: '<p>提示“未授权”说明您的企业微信账号还未关联系统账号：请在企业微信工作台打开“工单系统”应用一次完成授权，然后重新扫码。</p>' },
  { category: '登录', title: '登录后页面一直转圈', tags: ['登录', '浏览器'], body: `${steps('按 Ctrl+F5 强制刷新', '清除浏览器缓存和 Cookie 后重新登录', '换用最新版 Chrome 或 Edge 浏览器')}` },
  { category: '账号', title: '账号被锁定如何解锁', tags: ['账号锁定', '解锁'], body: '<p>连续输错 5 次密码后账号会锁定 30 分钟，到时自动解锁。急需使用时可提交工单申请立即解锁，请注明工号。</p>' },
  { category: '账号', title: '新员工账号开通流程', tags: ['开通账号', '入职'], body: '<p>由部门负责人提交“开通账号”工单，附新员工姓名、工号、部门和所需系统。一般在 1 个工作日内开通，初始密码通过短信发送。</p>' },
  { category: '账号', title: '如何修改绑定手机号', tags: ['手机号', '账号'], body: '<p>登录后进入“个人设置 → 安全”，验证旧手机号后即可更换。旧手机号已停用的，请提交工单并上传身份证明，由管理员人工修改。</p>' },
  { category: '电梯', title: '电梯困人时乘客应该怎么做', tags: ['困人', '安全'], body: '<p><b>保持冷静，不要扒门或尝试爬出轿厢。</b></p>' + steps('按下轿厢内的警铃或对讲按钮，说明楼栋和电梯编号', '拨打电梯内张贴的救援电话', '等待维保人员到场救援（一般 30 分钟内到达）') },
  { category: '电梯', title: '电梯运行有异响或门关不严', tags: ['异响', '电梯门'], body: '<p>请在报修时说明楼栋、电梯编号以及异响出现的位置（运行中 / 开关门时）。在维保人员检查前，如门关不严或有明显抖动，请物业暂停该电梯使用。</p>' },
  { category: '电梯', title: '电梯年检和维保记录如何申请', tags: ['年检', '维保记录'], body: '<p>年检需在到期前 30 天提交申请，我们会协调特检院上门时间。上季度维保记录可在客户门户下载，或提交工单由客服邮件发送。</p>' },
  { category: '发票', title: '如何申请开具增值税专用发票', tags: ['专票', '发票'], body: '<p>请在工单中提供：公司全称、纳税人识别号、地址电话、开户行及账号。专用发票在 3 个工作日内开出并快递寄送。</p>' },
  { category: '发票', title: '发票抬头开错了怎么重开', tags: ['发票抬头', '重开'], body: '<p>电子发票可直接申请红冲后重开，提供正确抬头和税号即可；纸质专票需先寄回原发票。重开一般在 2 个工作日内完成。</p>' },
  { category: '发票', title: '收不到电子发票邮件', tags: ['电子发票', '邮件'], body: '<p>请先检查垃圾邮件箱，发件人为 invoice@ 开头的地址。确认邮箱无误后可在工单中申请重新发送。</p>' },
  { category: '退款', title: '退款多久到账', tags: ['退款', '到账时间'], body: '<p>退款审核通过后原路退回：微信、支付宝 1–3 个工作日，银行卡 3–7 个工作日。超过 7 个工作日未到账，请提交工单并附订单号。</p>' },
  { category: '退款', title: '重复扣款怎么办', tags: ['重复扣款', '退款'], body: '<p>同一订单被扣两次款时，系统会在 24 小时内自动识别并退回多扣的金额。如果没有自动退回，请提交工单并上传两笔扣款的截图。</p>' },
  { category: '配送', title: '物流信息长时间不更新', tags: ['物流', '快递'], body: '<p>物流 48 小时未更新时，我们会联系快递公司核查。请在工单中提供订单号；如确认丢件，将为您补发或退款。</p>' },
  { category: '配送', title: '快递显示已签收但没收到货', tags: ['签收', '快递'], body: '<p>请先询问家人、前台或快递柜，并查看签收照片。确认未收到的，请在签收后 48 小时内提交工单，我们会向快递公司发起调查。</p>' },
  { category: '服务说明', title: '上门维修的收费标准', tags: ['收费', '上门'], body: '<p>维保合同内的设备上门免费；合同外设备收取上门费 100 元/次，配件按实际价格另计。工程师上门前会电话确认时间。</p>' },
  { category: '服务说明', title: '节假日是否有人值班', tags: ['值班', '节假日'], body: '<p>节假日 7×24 小时受理电梯困人等紧急报修；其他问题在节后第一个工作日处理，您可随时在门户提交。</p>' },
  // English
  { category: '发票', title: 'How to request a corrected invoice', tags: ['invoice'], body: '<p>Send us the invoice number and the correct company name, tax ID and amount. Electronic invoices are reissued within 2 working days; paper VAT invoices must be returned first.</p>' },
  { category: '退款', title: 'Charged twice for one order', tags: ['refund'], body: '<p>A duplicate charge is refunded automatically within 24 hours. If it is not, open a request with screenshots of both payments and we will refund it manually.</p>' },
  { category: '登录', title: 'Cannot log in after a password reset', tags: ['login', 'password'], body: '<p>Update the password saved in your phone and mail apps too: old saved passwords lock the account after 5 failed attempts. The lock lifts after 30 minutes.</p>' },
  { category: '打印机', title: 'Office printer shows offline', tags: ['printer'], body: `${steps('Check that the printer is on and shows no error', 'Compare the printer IP on its panel with the port configured on your computer', 'Untick “Use printer offline” and restart the printer')}` },
];
