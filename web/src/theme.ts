import type { ThemeConfig } from 'antd';

export const theme: ThemeConfig = {
  token: { colorPrimary: '#1f6feb', borderRadius: 6, fontSize: 14 },
  components: {
    Layout: { siderBg: '#0f1f33', headerBg: '#ffffff' },
    Menu: { darkItemBg: '#0f1f33', darkSubMenuItemBg: '#0f1f33', itemHeight: 34, itemMarginBlock: 2 },
  },
};
