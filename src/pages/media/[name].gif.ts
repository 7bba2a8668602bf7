import { mediaPaths, serveMedia } from '../../features/media-route/media-route';

export const getStaticPaths = () => mediaPaths('gif');
export const GET = serveMedia;
