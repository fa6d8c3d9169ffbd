import { describe, expect, it } from 'vitest';
import { stripQuotedHtml, stripQuotedText } from './quote-rules';

describe('quote and signature stripping', () => {
  it('cuts a Foxmail / QQ Mail reply at its 原始邮件 block', () => {
    const text = ['好的，我下午在公司。', '', '王芳', '', '------------------ 原始邮件 ------------------', '发件人: "客服中心"<kefu@example.cn>;', '发送时间: 2026年3月2日(星期一) 上午10:00', '收件人: "王芳"<wangfang@example.cn>;', '主题: Re: [#12] 打印机卡纸', '', '请问您什么时候方便？'].join('\n');
    expect(stripQuotedText(text)).toBe('好的，我下午在公司。\n\n王芳');
  });

  it('cuts an Outlook reply at its header block, Chinese and English', () => {
    const zh = ['已经修好了，谢谢！', '', '________________________________', '发件人: 客服中心 <kefu@example.cn>', '发送时间: 2026年3月2日 10:00', '收件人: 王芳', '主题: 打印机卡纸', '', '旧内容'].join('\r\n');
    expect(stripQuotedText(zh)).toBe('已经修好了，谢谢！');
    const en = ['Works now.', '', 'From: Support <kefu@example.cn>', 'Sent: Monday, March 2, 2026 10:00 AM', 'To: Wang Fang', 'Subject: RE: printer', '', 'old'].join('\n');
    expect(stripQuotedText(en)).toBe('Works now.');
  });

  it('cuts at attribution lines of Gmail, Apple Mail and Chinese clients, also when broken over two lines', () => {
    expect(stripQuotedText('还是不行。\n\n在 2026年3月2日 星期一 10:00，客服中心 <kefu@example.cn> 写道：\n> 请重启试试\n')).toBe('还是不行。');
    expect(stripQuotedText('Still broken.\n\nOn Mon, Mar 2, 2026 at 10:00 AM Support <kefu@example.cn> wrote:\n> restart it\n')).toBe('Still broken.');
    expect(stripQuotedText('Still broken.\n\nOn Mon, Mar 2, 2026 at 10:00 AM Support <kefu@example.cn>\nwrote:\n> restart it\n')).toBe('Still broken.');
    expect(stripQuotedText('-----Original Message-----\n')).toBe('-----Original Message-----');
  });

  it('drops ">" quoted lines between answers and signatures of phones and clients', () => {
    expect(stripQuotedText('> 型号是？\nHP M1136\n> 在几楼？\n三楼\n')).toBe('HP M1136\n三楼');
    expect(stripQuotedText('收到\n\n发自我的iPhone\n')).toBe('收到');
    expect(stripQuotedText('OK\n\nSent from my iPhone')).toBe('OK');
    expect(stripQuotedText('谢谢\n-- \n王芳\n市场部 | 分机 8021')).toBe('谢谢');
    expect(stripQuotedText('谢谢\n\n发自网易邮箱大师')).toBe('谢谢');
  });

  it('keeps a message that is only its own words', () => {
    const t = '三楼的打印机又卡纸了。\n型号 HP M1136，已经重启过。';
    expect(stripQuotedText(t)).toBe(t);
  });

  it('cuts HTML at the quote blocks of Gmail, Outlook, QQ Mail and at signatures', () => {
    expect(stripQuotedHtml('<div>还是不行</div><div class="gmail_quote"><div class="gmail_attr">在 2026年3月2日 写道：</div><blockquote>旧</blockquote></div>')).toBe('<div>还是不行</div>');
    expect(stripQuotedHtml('<p>好了</p><div id="divRplyFwdMsg"><b>发件人:</b> 客服</div>')).toBe('<p>好了</p>');
    expect(stripQuotedHtml('<div>收到</div><div><br></div><div>------------------&nbsp;原始邮件&nbsp;------------------</div>')).toBe('<div>收到</div><div><br></div><div>');
    expect(stripQuotedHtml('<div>收到</div><div>------------------ 原始邮件 ------------------</div>')).toBe('<div>收到</div><div>');
    expect(stripQuotedHtml('<p>谢谢</p><p>发自我的iPhone</p>')).toBe('<p>谢谢</p><p>');
    expect(stripQuotedHtml('<p class="MsoNormal">Fixed, thanks.</p><div style="border-top:solid #E1E1E1 1.0pt"><p class="MsoNormal"><b>From:</b> Support &lt;kefu@example.cn&gt;<br><b>Sent:</b> Monday</p></div>')).toBe('<p class="MsoNormal">Fixed, thanks.</p>');
    expect(stripQuotedHtml('<p>From: 北京 to 上海 的快递丢了</p>')).toBe('<p>From: 北京 to 上海 的快递丢了</p>');
    expect(stripQuotedHtml('<blockquote>只有引用</blockquote>')).toBeNull();
    expect(stripQuotedHtml('<p>没有引用的<b>正文</b></p>')).toBe('<p>没有引用的<b>正文</b></p>');
  });
});
