import { startServer } from '../scripts/serve.ts';
import { launchBrowser } from './support/browser.ts';
import { watchCsp } from './support/csp.ts';
const server = await startServer('dist');
const browser = await launchBrowser();
for (const [name, path, w, dark] of [['sections','/sections/',1280,false],['places','/places/',375,false],['about','/about/',1280,false],['source','/sources/000_d8543457e77b1294/#L25',1280,false],['source-m','/sources/000_d8543457e77b1294/#L61',375,true],['rss','/rss.xml',375,true],['story','/stories/lingshi-etdz-transformation/',1280,false],['county','/places/jinzhong/lingshi/',1280,false]] as const) {
  const ctx = await browser.newContext({ viewport: { width: w, height: 900 }, colorScheme: dark ? 'dark' : 'light' });
  const page = await ctx.newPage();
  const v = await watchCsp(page);
  await page.goto(new URL(path, server.url).href);
  await page.screenshot({ path: `/tmp/xslt-test/${name}.png`, fullPage: name !== 'rss' && name !== 'source' && name !== 'source-m' && name!=='story' });
  console.log(name, await v());
  await ctx.close();
}
await browser.close(); await server.close();
