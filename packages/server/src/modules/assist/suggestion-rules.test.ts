import { describe, expect, it } from 'vitest';
import { ARTICLE_TEXT_MAX_CHARS, QUERY_MAX_CHARS, cutText, snippetText, solutionText, suggestionQuery } from './suggestion-rules';

describe('suggestion rules', () => {
  it('searches the title, the newest customer messages first, then the description', () => {
    const q = suggestionQuery({ title: '登录不了', description: '<p>输入密码后提示错误</p>'.replace(/<[^>]+>/g, '') }, ['第一条', '第二条', '第三条', '  最新一条\n消息 ']);
    expect(q).toBe('登录不了 最新一条 消息 第三条 第二条 输入密码后提示错误');
  });

  it('leaves out repeats and blanks and cuts a long query', () => {
    expect(suggestionQuery({ title: '退款', description: '退款' }, ['', '退款'])).toBe('退款');
    const long = suggestionQuery({ title: '发票', description: '很长的描述'.repeat(200) }, []);
    expect(Array.from(long)).toHaveLength(QUERY_MAX_CHARS);
    expect(long.endsWith('…')).toBe(true);
  });

  it('shows the resolution, else the last staff reply', () => {
    expect(solutionText('重置密码后恢复', '已处理')).toEqual({ text: '重置密码后恢复', source: 'resolution' });
    expect(solutionText('  ', '请清除浏览器缓存后重试')).toEqual({ text: '请清除浏览器缓存后重试', source: 'reply' });
    expect(solutionText(null, null)).toBeNull();
  });

  it('reads a highlighted snippet as plain text', () => {
    expect(snippetText('点击<mark>忘记密码</mark>，输入 &lt;手机号&gt; &amp; 验证码…')).toBe('点击忘记密码，输入 <手机号> & 验证码…');
  });

  it('keeps an article’s paragraphs and cuts a long one', () => {
    expect(cutText('第一步：打开设置\n\n  第二步：  点击“账号”\n')).toBe('第一步：打开设置\n第二步： 点击“账号”');
    expect(Array.from(cutText('很长'.repeat(2000)))).toHaveLength(ARTICLE_TEXT_MAX_CHARS);
  });
});
