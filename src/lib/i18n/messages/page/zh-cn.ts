/** The zh-CN words of a page's own scripts (English: en.ts): the same two areas. */
import book from '../zh-cn/book.ts';
import tools from '../zh-cn/tools.ts';

export default { ...book, ...tools };
